using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow.Processes;

namespace Ikosa.Engine.Rules.Combat;

/// <summary>
/// Attacks of opportunity: in combat, an enemy that can act, wields a melee weapon, stands next to the
/// provoking creature and has one left this round may strike when it leaves that square (or casts, or
/// shoots). Each strikes at most once per provoking move.
/// </summary>
public static class Opportunity
{
    public const string ProcessName = "attack of opportunity";

    public static IReadOnlyList<Creature> Threateners(IModelReader reader, Creature provoker, IReadOnlyCollection<EntityId> exclude)
    {
        if (!TurnTracker.Of(reader).InCombat()) return [];
        return Placement.Near(reader, provoker.Scene, provoker.Position, 1)
            .Where(c => c.Id != provoker.Id && !exclude.Contains(c.Id) && c.IsEnemyOf(provoker) && c.CanAct())
            .Where(c => c.MeleeWeapon() is not null && c.Position.IsAdjacentTo(provoker.Position))
            .Where(c => ActionBudget.Of(reader, c.Id).AttacksOfOpportunity > 0)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Starts an attack-of-opportunity process for each threatener; they run before the rest of the provoking process.</summary>
    public static ImmutableList<EntityId> Provoke(StepContext context, Creature provoker, IReadOnlyCollection<EntityId> exclude)
    {
        var threateners = Threateners(context, provoker, exclude);
        foreach (var threatener in threateners)
            context.StartProcess(ProcessName, threatener.Id, new OpportunityStep(EntityId.New(), threatener.Id, provoker.Id));
        return threateners.Select(t => t.Id).ToImmutableList();
    }
}
