using Ikosa.Engine.Model;
using Ikosa.Engine.Tasks;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Turns;

/// <summary>Out of combat, game time flows: each run (every 6 seconds while the master lets it) is a round's worth.</summary>
[EntityName("rules.task.advance-game-time")]
public sealed record AdvanceGameTimeTask(EntityId Id) : ScheduledTask(Id)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(TurnPassing.SecondsPerRound);

    public override void Run(Transaction tx)
    {
        var tracker = TurnTracker.Of(tx);
        if (tracker.InCombat()) return;
        tx.Put(tracker with { GameSeconds = tracker.GameSeconds + TurnPassing.SecondsPerRound });
    }
}
