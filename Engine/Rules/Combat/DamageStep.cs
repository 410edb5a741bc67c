using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Combat;

/// <summary>
/// The weapon's damage dice (plus Strength for melee), rolled <see cref="Multiplier"/> times over on a
/// critical hit; at least 1 point.
/// </summary>
[EntityName("rules.step.damage")]
public sealed record DamageStep(EntityId Id, EntityId Attacker, EntityId Target, string WeaponKey, int Multiplier, bool Opportunity) : CoreStep(Id)
{
    public const string RollKey = "damage";

    public override string Describe() => Multiplier > 1 ? "critical damage" : "damage";

    public override IEnumerable<StepPrerequisite> Plan(StepContext context)
    {
        var attacker = context.Get<Creature>(Attacker);
        var weapon = Attacks.Weapon(attacker, WeaponKey);
        yield return new RollPrerequisite(EntityId.New())
        {
            BindKey = RollKey,
            Fulfiller = Attacker,
            Expression = attacker.DamageRoll(weapon).Times(Multiplier).ToString(),
            Purpose = $"{weapon.Name} damage",
            Text = $"{attacker.Name}: roll {weapon.Name} damage",
        };
    }

    public override void Run(StepContext context)
    {
        if (!Attacks.StillOn(context, Attacker, Target, out var attacker, out _)) return;
        var damage = Math.Max(1, context.Prerequisite<RollPrerequisite>(RollKey).Total ?? 1);
        HitPoints.Change(context, Target, -damage, $"{Attacks.Weapon(attacker, WeaponKey).Name} of {attacker.Name}");
        Attacks.Announce(context, this, hit: true, critical: Multiplier > 1, damage);
    }
}
