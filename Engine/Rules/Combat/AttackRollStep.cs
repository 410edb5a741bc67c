using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Combat;

/// <summary>
/// d20 + attack bonus - <see cref="Penalty"/> against the target's armor class. A natural 20 always
/// hits and a natural 1 always misses; a hit whose natural roll is in the weapon's threat range is a
/// critical threat, to be confirmed next.
/// </summary>
[EntityName("rules.step.attack-roll")]
public sealed record AttackRollStep(EntityId Id, EntityId Attacker, EntityId Target, string WeaponKey, int Penalty, bool Opportunity) : CoreStep(Id)
{
    public const string RollKey = "attack";

    public override string Describe() => Opportunity ? "attack of opportunity" : "attack roll";

    public override IEnumerable<StepPrerequisite> Plan(StepContext context)
    {
        var attacker = context.Get<Creature>(Attacker);
        var target = context.Get<Creature>(Target);
        var weapon = Attacks.Weapon(attacker, WeaponKey);
        yield return new RollPrerequisite(EntityId.New())
        {
            BindKey = RollKey,
            Fulfiller = Attacker,
            Expression = DiceExpression.Parse("1d20").Plus(attacker.AttackBonus(weapon) - Penalty).ToString(),
            Purpose = $"attack: {attacker.Name} at {target.Name} with {weapon.Name}",
            Text = $"{attacker.Name}: roll to hit {target.Name} with {weapon.Name}",
        };
    }

    public override void Run(StepContext context)
    {
        if (!Attacks.StillOn(context, Attacker, Target, out var attacker, out var target)) return;
        var weapon = Attacks.Weapon(attacker, WeaponKey);
        var roll = context.Prerequisite<RollPrerequisite>(RollKey);
        if (!Attacks.Hits(roll.Natural ?? 0, roll.Total ?? 0, target.ArmorClass()))
        {
            Attacks.Announce(context, this, hit: false, critical: false, damage: 0);
            return;
        }
        if (roll.Natural >= weapon.ThreatFrom)
            context.Follow(new ConfirmCriticalStep(EntityId.New(), Attacker, Target, WeaponKey, Penalty, Opportunity));
        else
            context.Follow(new DamageStep(EntityId.New(), Attacker, Target, WeaponKey, 1, Opportunity));
    }
}
