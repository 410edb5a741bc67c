using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Mastering;

/// <summary>
/// The game master's hands on the table during play: creatures placed, removed and moved without a word, squares of a map
/// redrawn, characters given and taken. Each is part of the caller's write; what it changes is told only to the users
/// whose creatures perceive it (and the masters), as what happened, never as "the game master edited". A refusal
/// changes nothing.
/// </summary>
public static class MasterTools
{
    /// <summary>Puts a new creature (its id, scene and position set) on its scene.</summary>
    public static RuleResult Place(Transaction tx, Actor actor, Creature creature)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may place creatures");
        if (tx.Exists(creature.Id)) return RuleResult.Refused($"there is already an entity {creature.Id}");
        if (WhyNotThere(tx, creature, creature.Scene, creature.Position) is { } refusal) return RuleResult.Refused(refusal);
        Placement.Put(tx, tx.Put, creature);
        tx.Notify(Visibility.Observers(tx, creature.Id, creature.Scene, creature.Position), new CreatureAppeared(creature.Id, creature.Name, creature.Position));
        return RuleResult.Done();
    }

    /// <summary>Takes a creature out of the game, with who may play it; not while it is in combat or a prompt waits on it.</summary>
    public static RuleResult Remove(Transaction tx, Actor actor, ProcessManager workflow, EntityId id)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may remove creatures");
        if (tx.Find<Creature>(id) is not { } creature) return RuleResult.Refused($"there is no creature {id}");
        if (WhyBusy(tx, workflow, creature) is { } busy) return RuleResult.Refused(busy);
        var told = Visibility.Observers(tx, id, creature.Position);
        Placement.Forget(tx, tx.Put, id);
        tx.Remove(id);
        tx.Remove(CreatureControl.KeyFor(id));
        tx.Notify(told, new CreatureDisappeared(id, creature.Position));
        return RuleResult.Done();
    }

    /// <summary>
    /// Moves a creature to <paramref name="to"/> of <paramref name="scene"/> as if it had always been going there: who sees
    /// it (where it was or where it is) sees it move; in another scene, it disappears from one and appears in the other.
    /// </summary>
    public static RuleResult Move(Transaction tx, Actor actor, ProcessManager workflow, EntityId id, EntityId scene, Cell to)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may move any creature");
        if (tx.Find<Creature>(id) is not { } creature) return RuleResult.Refused($"there is no creature {id}");
        var moved = creature with { Scene = scene, Position = to };
        if (WhyNotThere(tx, creature, scene, to) is { } refusal) return RuleResult.Refused(refusal);
        if (scene == creature.Scene)
        {
            Placement.Put(tx, tx.Put, moved);
            tx.Notify(Visibility.Observers(tx, id, creature.Position, to), new CreatureMoved(id, creature.Position, to));
            return RuleResult.Done();
        }
        if (WhyBusy(tx, workflow, creature) is { } busy) return RuleResult.Refused(busy);
        var sawItGo = Visibility.Observers(tx, id, creature.Scene, creature.Position);
        Placement.Put(tx, tx.Put, moved);
        tx.Notify(sawItGo, new CreatureDisappeared(id, creature.Position));
        tx.Notify(Visibility.Observers(tx, id, scene, to), new CreatureAppeared(id, creature.Name, to));
        return RuleResult.Done();
    }

    /// <summary>Redraws squares of a scene's map; a square a creature stands on cannot become a wall or a closed door.</summary>
    public static RuleResult EditCells(Transaction tx, Actor actor, EntityId scene, IReadOnlyList<(Cell Cell, Terrain Terrain)> cells)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may edit the map");
        if (cells.Count == 0) return RuleResult.Refused("name at least one square");
        foreach (var (cell, terrain) in cells)
        {
            var map = SceneMap.Of(tx, scene);
            if (!map.Contains(cell)) return RuleResult.Refused($"({cell.X},{cell.Y}) is outside {map.Name} ({map.Width}x{map.Height})");
            if (terrain.Blocks() && Placement.At(tx, scene, cell).FirstOrDefault() is { } standing)
                return RuleResult.Refused($"{standing.Name} stands on ({cell.X},{cell.Y}); move it before walling the square up");
        }
        // A square named twice becomes what it was named last.
        var changed = cells.GroupBy(c => c.Cell).Select(g => g.Last()).Where(c => SceneMap.Of(tx, scene).TerrainAt(c.Cell) != c.Terrain).ToList();
        // Those who saw a square before it changed learn of it as well as those who see it now (a wall put up hides it).
        var before = changed.ToDictionary(c => c.Cell, c => Visibility.CellObservers(tx, scene, c.Cell));
        foreach (var (cell, terrain) in changed)
            tx.Put(SceneMap.Of(tx, scene).WithTerrain(cell, terrain));
        foreach (var (cell, _) in changed)
            tx.Notify(before[cell].Union(Visibility.CellObservers(tx, scene, cell)).ToList(), new MapChanged(cell));
        return RuleResult.Done();
    }

    /// <summary>Says who may play a creature; a user no longer among them stops playing it at once.</summary>
    public static RuleResult SetPlayers(Transaction tx, Actor actor, EntityId id, IEnumerable<string> users)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may say who plays a creature");
        if (tx.Find<Creature>(id) is null) return RuleResult.Refused($"there is no creature {id}");
        var allowed = users.ToImmutableSortedSet(StringComparer.OrdinalIgnoreCase);
        var control = CreatureControl.Of(tx, id);
        var before = control?.AllowedUsers ?? ImmutableSortedSet<string>.Empty;
        var controller = control?.Controller is { } current && allowed.Contains(current) ? current : null;
        tx.Put(new CreatureControl(CreatureControl.KeyFor(id), id, allowed, controller));
        var told = new SortedSet<string>(GameMasters.Of(tx).Concat(before).Concat(allowed), StringComparer.OrdinalIgnoreCase);
        tx.Notify(told, new PlayersChanged(id, allowed));
        return RuleResult.Done();
    }

    /// <summary>Why <paramref name="creature"/> cannot stand on <paramref name="cell"/> of <paramref name="scene"/>, or null.</summary>
    private static string? WhyNotThere(IModelReader reader, Creature creature, EntityId scene, Cell cell)
    {
        var map = SceneMap.Of(reader, scene);
        if (!map.Contains(cell)) return $"({cell.X},{cell.Y}) is outside {map.Name} ({map.Width}x{map.Height})";
        if (map.Blocks(cell)) return $"({cell.X},{cell.Y}) of {map.Name} is a wall or a closed door";
        if (Placement.At(reader, scene, cell).FirstOrDefault(c => c.Id != creature.Id) is { } other)
            return $"{other.Name} already stands on ({cell.X},{cell.Y})";
        return null;
    }

    /// <summary>Why a creature cannot leave the game or its scene now (it is fighting, or the rules wait on it), or null.</summary>
    private static string? WhyBusy(IModelReader reader, ProcessManager workflow, Creature creature)
    {
        if (TurnTracker.Of(reader).IsCombatant(creature.Id)) return $"{creature.Name} is in combat; drop it from combat first";
        if (workflow.Pending(reader, Actor.System, creature.Id).Count > 0 || workflow.Processes(reader).Any(p => p.Actor == creature.Id))
            return $"the rules are still resolving something of {creature.Name}; answer its prompts first";
        return null;
    }
}
