using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Turns;

/// <summary>
/// A creature's turn: it waits on "act now?" (serial, to the creature's player), during which the
/// creature's actions run as processes on top of it; ending or delaying the turn answers it, and the
/// turn passes. A master-set turn timeout ends the turn by itself.
/// </summary>
[EntityName("rules.step.turn")]
public sealed record TurnStep(EntityId Id, EntityId Creature) : CoreStep(Id)
{
    public const string ActNowKey = "act-now";

    public override string Describe() => "turn";

    public override IEnumerable<StepPrerequisite> Plan(StepContext context)
    {
        var tracker = TurnTracker.Of(context);
        if (!tracker.IsTurnOf(Creature) || context.Find<Creature>(Creature) is not { } creature || !creature.CanAct()) yield break;
        yield return new ActNowPrerequisite(EntityId.New())
        {
            BindKey = ActNowKey,
            Fulfiller = Creature,
            IsSerial = true,
            Text = $"{creature.Name}: your turn. Act, then end your turn.",
            Timeout = tracker.TurnTimeout,
            DefaultAnswer = new TurnAnswer(TurnDecision.EndTurn),
        };
    }

    public override void Run(StepContext context)
    {
        var tracker = TurnTracker.Of(context);
        if (!tracker.InCombat() || tracker.Current is null) return;
        var decision = context.Prerequisites<ActNowPrerequisite>().FirstOrDefault()?.Decision ?? TurnDecision.EndTurn;
        if (decision == TurnDecision.Delay && tracker.IsCombatant(Creature))
        {
            tracker = tracker.Delayed(Creature);
            context.Put(tracker);
        }
        TurnPassing.PassFrom(context, tracker.Current!);
    }
}
