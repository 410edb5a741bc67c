using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Combat;

/// <summary>
/// The only way hit points change: inside a step, logged with that step. At -10 a creature dies and
/// leaves the turn order; taking damage while dying undoes a stabilisation.
/// </summary>
public static class HitPoints
{
    public static Creature Change(StepContext context, EntityId creature, int delta, string reason)
    {
        var before = context.Get<Creature>(creature);
        var after = before with { HitPoints = before.HitPoints + delta, IsStable = delta >= 0 && before.IsStable };
        context.Put(after);
        context.Put(new HitPointChange(
            EntityId.New(), context.NextSequence(), context.Step.Id, context.Step.Describe(), creature, delta, after.HitPoints, reason));
        context.Notify(Control.RecipientsFor(context, creature), new HitPointsChanged(creature, after.HitPoints, delta, after.Health()));
        if (after.Health() == Health.Dead && before.Health() != Health.Dead) Combatants.Remove(context, context.Put, creature);
        return after;
    }
}
