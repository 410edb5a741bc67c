using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Rules.Shove;

/// <summary>
/// The shove itself: the shover's Strength check (rolled by the host) against the target's, which the
/// target's player is asked to roll. If the shover wins, the target moves one square straight away,
/// unless a wall or a creature is there. Both players and the masters hear how it went (<see cref="Shoved"/>); whoever
/// sees the target move hears that too (the standard CreatureMoved).
/// </summary>
[EntityName("shove.step")]
public sealed record ShoveStep(EntityId Id, EntityId Shover, EntityId Target) : CoreStep(Id)
{
    public override string Describe() => "shove";

    public override IEnumerable<StepPrerequisite> Plan(StepContext context)
    {
        var shover = context.Get<Creature>(Shover);
        var target = context.Get<Creature>(Target);
        yield return StrengthCheck("shover", shover, prompted: false, $"{shover.Name}: Strength check to shove {target.Name}");
        yield return StrengthCheck("target", target, prompted: true, $"{target.Name}: Strength check to resist {shover.Name}'s shove");
    }

    public override void Run(StepContext context)
    {
        var shover = context.Get<Creature>(Shover);
        var target = context.Get<Creature>(Target);
        var told = Control.RecipientsFor(context, Shover).Union(Control.RecipientsFor(context, Target)).ToList();
        var to = new Cell(2 * target.Position.X - shover.Position.X, 2 * target.Position.Y - shover.Position.Y);
        var won = context.Prerequisite<RollPrerequisite>("shover").Total > context.Prerequisite<RollPrerequisite>("target").Total;
        if (!won || SceneMap.Of(context, target.Scene).Blocks(to) || Placement.At(context, target.Scene, to).Any())
        {
            context.Notify(told, new Shoved(Shover, Target, Moved: false, target.Position));
            return;
        }
        Placement.Put(context, context.Put, target with { Position = to });
        context.Notify(Visibility.Observers(context, Target, target.Position, to), new CreatureMoved(Target, target.Position, to));
        context.Notify(told, new Shoved(Shover, Target, Moved: true, to));
    }

    private static RollPrerequisite StrengthCheck(string key, Creature creature, bool prompted, string text) =>
        new(EntityId.New())
        {
            BindKey = key,
            Fulfiller = creature.Id,
            Prompted = prompted,
            Expression = DiceExpression.Parse("1d20").Plus(creature.StrengthModifier()).ToString(),
            Purpose = "Strength check (shove)",
            Text = text,
        };
}
