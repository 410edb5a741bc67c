using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Combat;

/// <summary>
/// A reaction: the threatening creature's player is asked whether to strike (declined if they do not
/// answer in time); a creature run by the master always strikes. The attack then runs as usual.
/// </summary>
[EntityName("rules.step.opportunity")]
public sealed record OpportunityStep(EntityId Id, EntityId Attacker, EntityId Target) : CoreStep(Id)
{
    public const string TakeKey = "take";
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    public override string Describe() => "attack of opportunity offered";

    public override IEnumerable<StepPrerequisite> Plan(StepContext context)
    {
        if (Control.ControllerOf(context, Attacker) is null) yield break;
        var target = context.Get<Creature>(Target);
        yield return new YesNoPrerequisite(EntityId.New())
        {
            BindKey = TakeKey,
            Fulfiller = Attacker,
            Text = $"{target.Name} provokes: take an attack of opportunity?",
            Timeout = AnswerTimeout,
            DefaultAnswer = new YesNoAnswer(false),
        };
    }

    public override void Run(StepContext context)
    {
        var take = context.Prerequisites<YesNoPrerequisite>().FirstOrDefault()?.Value ?? true;
        if (!take || !Attacks.StillOn(context, Attacker, Target, out var attacker, out var target)) return;
        var budget = ActionBudget.Of(context, Attacker);
        if (budget.AttacksOfOpportunity <= 0 || attacker.MeleeWeapon() is not { } weapon || !attacker.Position.IsAdjacentTo(target.Position)) return;
        context.Put(budget with { AttacksOfOpportunity = budget.AttacksOfOpportunity - 1 });
        context.Follow(new AttackRollStep(EntityId.New(), Attacker, Target, weapon.Key, Penalty: 0, Opportunity: true));
    }
}
