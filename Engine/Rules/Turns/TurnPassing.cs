using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Turns;

/// <summary>Passing the turn to the next slot, counting rounds; combat ends when nobody can act.</summary>
public static class TurnPassing
{
    public const int SecondsPerRound = 6;

    public static void PassFrom(StepContext context, TurnSlot slot)
    {
        var tracker = TurnTracker.Of(context);
        if (!tracker.InCombat()) return;
        if (!tracker.Order.Any(s => context.Find<Creature>(s.Creature)?.CanAct() == true))
        {
            context.Put(tracker with { Mode = TurnMode.Time, Order = tracker.Order.Clear(), Current = null });
            context.Notify(Control.Everyone(context), new CombatChanged(false, tracker.Round));
            return;
        }
        var (next, newRound) = tracker.NextAfter(slot);
        context.Put(tracker with
        {
            Current = next,
            Round = newRound ? tracker.Round + 1 : tracker.Round,
            GameSeconds = tracker.GameSeconds + (newRound ? SecondsPerRound : 0),
        });
        context.Follow(new StartTurnStep(EntityId.New(), next!.Creature));
    }
}
