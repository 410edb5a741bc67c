using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Map;

/// <summary>
/// The terrain of one <see cref="Size"/> by <see cref="Size"/> block of a scene's map, as rows of terrain codes
/// (<see cref="TerrainCodes"/>): about a kilobyte, so that opening a door or editing a square stores little. Squares of
/// the block beyond the scene's edge are walls.
/// </summary>
[EntityName("rules.map-chunk")]
public sealed record MapChunk(EntityId Id, EntityId Scene, int ChunkX, int ChunkY, ImmutableArray<string> Rows) : Entity(Id)
{
    public const int Size = 32;

    public static EntityId KeyFor(EntityId scene, int chunkX, int chunkY) => BlockIds.For("map", scene, chunkX, chunkY);

    /// <summary>The chunk coordinates of the block holding <paramref name="cell"/>.</summary>
    public static (int X, int Y) Of(Cell cell) => (FloorDiv(cell.X), FloorDiv(cell.Y));

    public Terrain TerrainAt(Cell cell) => TerrainCodes.FromCode(Rows[cell.Y - ChunkY * Size][cell.X - ChunkX * Size]);

    public MapChunk With(Cell cell, Terrain terrain)
    {
        var y = cell.Y - ChunkY * Size;
        var row = Rows[y].ToCharArray();
        row[cell.X - ChunkX * Size] = terrain.ToCode();
        return this with { Rows = Rows.SetItem(y, new string(row)) };
    }

    private static int FloorDiv(int value) => value >= 0 ? value / Size : (value + 1) / Size - 1;
}
