using System.Numerics;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Views;

/// <summary>
/// What creatures remember of the scenes they have seen (fog of war), kept as <see cref="ExploredChunk"/>s. A creature
/// someone plays remembers what it sees where a move takes it, in the move's own commit; a view of a creature records
/// whatever else it sees when it is asked for (a door opened, a creature waking up).
/// </summary>
public static class Exploration
{
    /// <summary>
    /// Adds <paramref name="seen"/> (squares of <paramref name="scene"/>) to what <paramref name="creature"/> remembers,
    /// putting only the blocks where something is new; true if any was. Nothing is put when nothing is new, so a read
    /// transaction may call it: it becomes a write only when there is something to remember.
    /// </summary>
    public static bool Record(IModelReader reader, Action<Entity> put, EntityId creature, EntityId scene, IEnumerable<Cell> seen)
    {
        var changed = false;
        foreach (var block in seen.GroupBy(MapChunk.Of))
        {
            var (x, y) = block.Key;
            var before = reader.Find<ExploredChunk>(ExploredChunk.KeyFor(creature, scene, x, y)) ?? ExploredChunk.Empty(creature, scene, x, y);
            var after = before.With(block);
            if (ReferenceEquals(after, before)) continue;
            put(after);
            changed = true;
        }
        return changed;
    }

    /// <summary>The blocks of <paramref name="map"/> that <paramref name="creature"/> has seen anything of (null for the others), row by row.</summary>
    public static ExploredChunk?[] Blocks(IModelReader reader, EntityId creature, SceneMap map)
    {
        var across = map.ChunksAcross;
        var blocks = new ExploredChunk?[across * map.ChunksDown];
        for (var i = 0; i < blocks.Length; i++)
            blocks[i] = reader.Find<ExploredChunk>(ExploredChunk.KeyFor(creature, map.Id, i % across, i / across));
        return blocks;
    }

    /// <summary>The squares remembered in <paramref name="blocks"/> (as <see cref="Blocks"/> gives them), row by row across the scene.</summary>
    public static IEnumerable<Cell> Remembered(SceneMap map, IReadOnlyList<ExploredChunk?> blocks)
    {
        var across = map.ChunksAcross;
        for (var y = 0; y < map.Height; y++)
        for (var column = 0; column < across; column++)
        {
            if (blocks[y / MapChunk.Size * across + column] is not { } block) continue;
            // A row of a block (32 squares) is half a word of its bits: walk the bits that are set.
            var first = y % MapChunk.Size * MapChunk.Size;
            var row = (uint)(block.Seen[first >> 6] >> (first & 63));
            while (row != 0)
            {
                var x = column * MapChunk.Size + BitOperations.TrailingZeroCount(row);
                if (x >= map.Width) break;
                yield return new Cell(x, y);
                row &= row - 1;
            }
        }
    }
}
