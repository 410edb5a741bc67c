using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Map;

/// <summary>
/// The one map of games saved before scenes existed (stored as "rules.map"): read only to be turned into the default
/// scene when such a game or snapshot is opened, so that older game files still open.
/// </summary>
[EntityName("rules.map")]
public sealed record LegacyMap(EntityId Id, string Name, int Width, int Height, ImmutableHashSet<Cell> Walls, ImmutableList<LegacyDoor> Doors) : Entity(Id)
{
    /// <summary>Replaces a legacy map by the default scene with the same squares; nothing when there is none.</summary>
    public static void Upgrade(Transaction tx)
    {
        foreach (var legacy in tx.All<LegacyMap>())
        {
            var rows = Enumerable.Range(0, legacy.Height).Select(y => new string(Enumerable.Range(0, legacy.Width).Select(x =>
            {
                var cell = new Cell(x, y);
                if (legacy.Doors.FirstOrDefault(d => d.Cell == cell) is { } door) return door.IsOpen ? TerrainCodes.OpenDoor : TerrainCodes.ClosedDoor;
                return legacy.Walls.Contains(cell) ? TerrainCodes.Wall : TerrainCodes.Floor;
            }).ToArray())).ToList();
            foreach (var entity in SceneMap.FromRows(legacy.Name, rows, Scene.Default).Entities()) tx.Put(entity);
            tx.Remove(legacy.Id);
        }
    }
}

/// <summary>A door of a <see cref="LegacyMap"/>.</summary>
public sealed record LegacyDoor(Cell Cell, bool IsOpen);
