using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;

namespace Ikosa.Engine.Rules.Turns;

/// <summary>Taking a creature out of the turn order (dropped by the master, or dead).</summary>
public static class Combatants
{
    /// <summary>
    /// Removes <paramref name="creature"/> from the order. If it is its turn, its "act now?" prompt is
    /// answered "end turn" on its behalf, so the turn passes to whoever is next.
    /// </summary>
    public static void Remove(IModelReader reader, Action<Entity> put, EntityId creature)
    {
        var tracker = TurnTracker.Of(reader);
        if (!tracker.IsCombatant(creature)) return;
        put(tracker.WithoutCreature(creature));
        foreach (var prompt in reader.All<ActNowPrerequisite>().Where(p => p.Fulfiller == creature && !p.IsReady))
            put(prompt with { IsDispensed = true, IsReady = true, Decision = TurnDecision.EndTurn, AnsweredBy = StepContext.HostUser });
    }
}
