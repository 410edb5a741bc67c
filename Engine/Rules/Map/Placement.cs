using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;

namespace Ikosa.Engine.Rules.Map;

/// <summary>
/// Where creatures are: puts a creature that is new, moves or changes scene (keeping <see cref="ChunkOccupants"/>
/// right), and answers "who is at this square" and "who is near" by reading the few blocks concerned, never every
/// creature. Every answer checks the creatures' own scene and position, which are the truth; the index only narrows
/// the search.
/// </summary>
public static class Placement
{
    /// <summary>
    /// Puts <paramref name="creature"/> (new, or changed in any way) and updates the index when it entered another block
    /// or scene. Use it for every creature that is new or whose <see cref="Creature.Position"/> or
    /// <see cref="Creature.Scene"/> changed; other changes may be put directly.
    /// </summary>
    public static void Put(IModelReader reader, Action<Entity> put, Creature creature)
    {
        var before = reader.Find<Creature>(creature.Id);
        var from = before is null ? default((EntityId, int, int)?) : Block(before);
        var to = Block(creature);
        if (from != to)
        {
            if (from is { } old) Update(reader, put, old, set => set.Remove(creature.Id));
            Update(reader, put, to, set => set.Add(creature.Id));
        }
        put(creature);
    }

    /// <summary>Takes a creature out of the index, before it is removed from the game.</summary>
    public static void Forget(IModelReader reader, Action<Entity> put, EntityId creature)
    {
        if (reader.Find<Creature>(creature) is { } found) Update(reader, put, Block(found), set => set.Remove(creature));
    }

    /// <summary>
    /// Makes the index agree with the creatures (for games saved before it existed, or written around
    /// <see cref="Put"/>); puts only the blocks that were wrong. One pass over every creature: for opening a game.
    /// </summary>
    public static void Reindex(IModelReader reader, Action<Entity> put)
    {
        var blocks = new Dictionary<EntityId, HashSet<EntityId>>();
        foreach (var creature in reader.All<Creature>())
        {
            var (scene, x, y) = Block(creature);
            var key = ChunkOccupants.KeyFor(scene, x, y);
            if (!blocks.TryGetValue(key, out var set)) blocks[key] = set = new HashSet<EntityId>();
            set.Add(creature.Id);
        }
        foreach (var occupants in reader.All<ChunkOccupants>())
            if (!blocks.ContainsKey(occupants.Id) && !occupants.Creatures.IsEmpty)
                put(occupants with { Creatures = ImmutableHashSet<EntityId>.Empty });
        foreach (var (key, creatures) in blocks)
            if (reader.Find<ChunkOccupants>(key) is not { } stored || !stored.Creatures.SetEquals(creatures))
                put(new ChunkOccupants(key, [.. creatures]));
    }

    /// <summary>The creatures standing on <paramref name="cell"/> of <paramref name="scene"/> (the dead too).</summary>
    public static IEnumerable<Creature> At(IModelReader reader, EntityId scene, Cell cell) =>
        InBlock(reader, scene, MapChunk.Of(cell)).Where(c => c.Position == cell);

    /// <summary>The creatures of <paramref name="scene"/> at most <paramref name="squares"/> squares away from <paramref name="center"/> along each axis.</summary>
    public static IEnumerable<Creature> Near(IModelReader reader, EntityId scene, Cell center, int squares)
    {
        var (left, top) = MapChunk.Of(new Cell(center.X - squares, center.Y - squares));
        var (right, bottom) = MapChunk.Of(new Cell(center.X + squares, center.Y + squares));
        for (var cy = top; cy <= bottom; cy++)
        for (var cx = left; cx <= right; cx++)
        foreach (var creature in InBlock(reader, scene, (cx, cy)))
            if (Math.Abs(creature.Position.X - center.X) <= squares && Math.Abs(creature.Position.Y - center.Y) <= squares)
                yield return creature;
    }

    /// <summary>Every creature in <paramref name="scene"/> (a scan of all creatures: for a master's whole view, not per step).</summary>
    public static IEnumerable<Creature> InScene(IModelReader reader, EntityId scene) =>
        reader.All<Creature>().Where(c => c.Scene == scene);

    // A block's occupants as an array, made once per version of the block (the entity is immutable): walking an
    // immutable hash set costs several times more, and "who is near" walks a few blocks for every view.
    private static readonly ConditionalWeakTable<ChunkOccupants, EntityId[]> Listed = new();

    private static IEnumerable<Creature> InBlock(IModelReader reader, EntityId scene, (int X, int Y) block)
    {
        if (reader.Find<ChunkOccupants>(ChunkOccupants.KeyFor(scene, block.X, block.Y)) is not { } occupants) yield break;
        foreach (var id in Listed.GetValue(occupants, o => [.. o.Creatures]))
            if (reader.Find<Creature>(id) is { } creature && creature.Scene == scene && MapChunk.Of(creature.Position) == block)
                yield return creature;
    }

    private static (EntityId Scene, int X, int Y) Block(Creature creature)
    {
        var (x, y) = MapChunk.Of(creature.Position);
        return (creature.Scene, x, y);
    }

    private static void Update(IModelReader reader, Action<Entity> put, (EntityId Scene, int X, int Y) block,
        Func<ImmutableHashSet<EntityId>, ImmutableHashSet<EntityId>> change)
    {
        var key = ChunkOccupants.KeyFor(block.Scene, block.X, block.Y);
        var occupants = reader.Find<ChunkOccupants>(key) ?? new ChunkOccupants(key, ImmutableHashSet<EntityId>.Empty);
        put(occupants with { Creatures = change(occupants.Creatures) });
    }
}
