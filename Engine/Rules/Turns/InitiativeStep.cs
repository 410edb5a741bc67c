using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Turns;

/// <summary>
/// Every creature in <see cref="Creatures"/> rolls initiative (players are asked for theirs), then they
/// take their places in the turn order: highest result first, ties by initiative modifier, remaining
/// ties by a d100 roll-off. When it <see cref="StartsCombat"/>, the first turn begins.
/// </summary>
[EntityName("rules.step.initiative")]
public sealed record InitiativeStep(EntityId Id, ImmutableList<EntityId> Creatures, bool StartsCombat) : CoreStep(Id)
{
    public override string Describe() => StartsCombat ? "initiative" : "initiative (joining)";

    public override IEnumerable<StepPrerequisite> Plan(StepContext context)
    {
        foreach (var id in Creatures)
        {
            if (context.Find<Creature>(id) is not { } creature) continue;
            yield return new RollPrerequisite(EntityId.New())
            {
                BindKey = id.ToString(),
                Fulfiller = id,
                Prompted = true,
                Expression = DiceExpression.Parse("1d20").Plus(creature.InitiativeModifier()).ToString(),
                Purpose = "initiative",
                Text = $"{creature.Name}: roll initiative",
            };
        }
    }

    public override void Run(StepContext context)
    {
        var tracker = TurnTracker.Of(context);
        if (!tracker.InCombat()) return;
        var rolls = context.Prerequisites<RollPrerequisite>()
            .Select(p => (Creature: context.Get<Creature>(p.Fulfiller!.Value), Total: p.Total ?? 0))
            .ToList();
        foreach (var tied in rolls.GroupBy(r => (r.Total, Modifier: r.Creature.InitiativeModifier())))
        {
            var needsRollOff = tied.Count() > 1;
            foreach (var (creature, total) in tied)
            {
                var tieBreak = needsRollOff ? context.Roll("1d100", "initiative tie-break", creature.Id).Total : 0;
                tracker = tracker.WithSlot(new TurnSlot(creature.Id, total, TurnSlot.KeyFor(total, creature.InitiativeModifier(), tieBreak)));
                context.Put(ActionBudget.Fresh(creature.Id));
            }
        }
        if (StartsCombat && !tracker.Order.IsEmpty)
        {
            tracker = tracker with { Round = 1, Current = tracker.Order[0] };
            context.Follow(new StartTurnStep(EntityId.New(), tracker.Order[0].Creature));
        }
        context.Put(tracker);
        context.Notify(Control.Everyone(context), new CombatChanged(true, tracker.Round));
    }
}
