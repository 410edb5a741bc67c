using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Views;
using Ikosa.Engine.Transactions;

namespace Ikosa.Host.Game;

/// <summary>
/// What a creature had seen of a scene in games saved before the rules kept it per block (<see cref="ExploredChunk"/>):
/// one whole set of squares per creature and scene. Read only to be turned into blocks when such a game is opened.
/// </summary>
public sealed record ExploredCells(EntityId Id, ImmutableHashSet<Cell> Cells) : Entity(Id)
{
    public const string TypeName = "host.explored-cells";

    public static EntityId KeyFor(EntityId creature, EntityId scene) => EntityId.Named($"explored:{creature}:{scene}");

    /// <summary>Replaces every such set by the blocks of the creature it belongs to; a set of a creature or scene no longer in the game goes.</summary>
    public static void Upgrade(Transaction tx)
    {
        var sets = tx.All<ExploredCells>().ToDictionary(e => e.Id);
        if (sets.Count == 0) return;
        var scenes = tx.All<Scene>().Select(s => s.Id).Append(Scene.Default).Distinct().ToList();
        foreach (var creature in tx.All<Creature>())
        foreach (var scene in scenes)
            if (sets.Remove(KeyFor(creature.Id, scene), out var set))
                Exploration.Record(tx, tx.Put, creature.Id, scene, set.Cells);
        foreach (var set in tx.All<ExploredCells>())
            tx.Remove(set.Id);
    }
}
