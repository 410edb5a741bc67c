using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Views;

/// <summary>
/// The squares of one <see cref="MapChunk"/>-sized block of a scene that a creature has seen: part of its remembered map
/// (fog of war), one bit per square, row by row. Kept per block so that exploring rewrites the few small blocks where
/// something new was seen (under 400 bytes each), never the creature's whole memory; see <see cref="Exploration"/>.
/// </summary>
[EntityName("rules.explored-chunk")]
public sealed record ExploredChunk(EntityId Id, EntityId Creature, EntityId Scene, int ChunkX, int ChunkY, ImmutableArray<ulong> Seen) : Entity(Id)
{
    /// <summary>How many <see cref="ulong"/>s hold a block's bits.</summary>
    public const int Words = MapChunk.Size * MapChunk.Size / 64;

    public static EntityId KeyFor(EntityId creature, EntityId scene, int chunkX, int chunkY) =>
        BlockIds.For("explored", scene, chunkX, chunkY, owner: creature);

    public static ExploredChunk Empty(EntityId creature, EntityId scene, int chunkX, int chunkY) =>
        new(KeyFor(creature, scene, chunkX, chunkY), creature, scene, chunkX, chunkY, [.. new ulong[Words]]);

    /// <summary>Whether <paramref name="cell"/> (a square of this block) has been seen.</summary>
    public bool Contains(Cell cell)
    {
        var bit = Bit(cell);
        return (Seen[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    /// <summary>This block with <paramref name="cells"/> (squares of it) seen too; itself when they all were already.</summary>
    public ExploredChunk With(IEnumerable<Cell> cells)
    {
        ulong[]? seen = null;
        foreach (var cell in cells)
        {
            var bit = Bit(cell);
            var mask = 1UL << (bit & 63);
            if ((Seen[bit >> 6] & mask) != 0) continue;
            seen ??= [.. Seen];
            seen[bit >> 6] |= mask;
        }
        return seen is null ? this : this with { Seen = [.. seen] };
    }

    private int Bit(Cell cell)
    {
        int x = cell.X - ChunkX * MapChunk.Size, y = cell.Y - ChunkY * MapChunk.Size;
        if (x is < 0 or >= MapChunk.Size || y is < 0 or >= MapChunk.Size)
            throw new ArgumentOutOfRangeException(nameof(cell), $"{cell} is not in block ({ChunkX},{ChunkY})");
        return y * MapChunk.Size + x;
    }
}
