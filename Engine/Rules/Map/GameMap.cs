using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Map;

/// <summary>The battle map: a square grid of <see cref="Width"/> by <see cref="Height"/> with wall squares and doors.</summary>
[EntityName("rules.map")]
public sealed record GameMap(EntityId Id, string Name, int Width, int Height, ImmutableHashSet<Cell> Walls, ImmutableList<Door> Doors) : Entity(Id)
{
    public static readonly EntityId Key = EntityId.Named("rules.map");

    public bool Contains(Cell cell) => cell.X >= 0 && cell.Y >= 0 && cell.X < Width && cell.Y < Height;

    public Door? DoorAt(Cell cell) => Doors.FirstOrDefault(d => d.Cell == cell);

    /// <summary>Walls, closed doors and the world beyond the edge stop movement and sight alike.</summary>
    public bool Blocks(Cell cell) => !Contains(cell) || Walls.Contains(cell) || DoorAt(cell) is { IsOpen: false };

    public GameMap WithDoor(Cell cell, bool open) =>
        this with { Doors = Doors.Select(d => d.Cell == cell ? d with { IsOpen = open } : d).ToImmutableList() };

    /// <summary>Builds a map from rows of text: '#' wall, '+' closed door, '/' open door, anything else floor.</summary>
    public static GameMap Parse(string name, params string[] rows)
    {
        var walls = ImmutableHashSet.CreateBuilder<Cell>();
        var doors = ImmutableList.CreateBuilder<Door>();
        for (var y = 0; y < rows.Length; y++)
        for (var x = 0; x < rows[y].Length; x++)
        {
            var cell = new Cell(x, y);
            switch (rows[y][x])
            {
                case '#': walls.Add(cell); break;
                case '+': doors.Add(new Door(cell, IsOpen: false)); break;
                case '/': doors.Add(new Door(cell, IsOpen: true)); break;
            }
        }
        var width = rows.Length == 0 ? 0 : rows.Max(r => r.Length);
        return new GameMap(Key, name, width, rows.Length, walls.ToImmutable(), doors.ToImmutable());
    }
}
