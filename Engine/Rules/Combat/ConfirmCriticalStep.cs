using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Combat;

/// <summary>A critical threat is confirmed by a second attack roll that would also hit; then damage is multiplied.</summary>
[EntityName("rules.step.confirm-critical")]
public sealed record ConfirmCriticalStep(EntityId Id, EntityId Attacker, EntityId Target, string WeaponKey, int Penalty, bool Opportunity) : CoreStep(Id)
{
    public const string RollKey = "confirm";

    public override string Describe() => "critical confirmation";

    public override IEnumerable<StepPrerequisite> Plan(StepContext context)
    {
        var attacker = context.Get<Creature>(Attacker);
        var weapon = Attacks.Weapon(attacker, WeaponKey);
        yield return new RollPrerequisite(EntityId.New())
        {
            BindKey = RollKey,
            Fulfiller = Attacker,
            Expression = DiceExpression.Parse("1d20").Plus(attacker.AttackBonus(weapon) - Penalty).ToString(),
            Purpose = "critical confirmation",
            Text = $"{attacker.Name}: roll to confirm the critical hit",
        };
    }

    public override void Run(StepContext context)
    {
        if (!Attacks.StillOn(context, Attacker, Target, out var attacker, out var target)) return;
        var roll = context.Prerequisite<RollPrerequisite>(RollKey);
        var confirmed = Attacks.Hits(roll.Natural ?? 0, roll.Total ?? 0, target.ArmorClass());
        var multiplier = confirmed ? Attacks.Weapon(attacker, WeaponKey).CriticalMultiplier : 1;
        context.Follow(new DamageStep(EntityId.New(), Attacker, Target, WeaponKey, multiplier, Opportunity));
    }
}
