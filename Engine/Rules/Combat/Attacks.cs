using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Combat;

/// <summary>What the attack steps share: the hit rule, finding the weapon, and telling both sides.</summary>
public static class Attacks
{
    /// <summary>A natural 20 always hits, a natural 1 always misses, otherwise the total must reach the armor class.</summary>
    public static bool Hits(int natural, int total, int armorClass) => natural == 20 || (natural != 1 && total >= armorClass);

    public static Weapon Weapon(Creature attacker, string key) =>
        attacker.Weapons.FirstOrDefault(w => w.Key == key)
        ?? throw new InvalidOperationException($"{attacker.Name} has no weapon '{key}'");

    /// <summary>False when the attack no longer makes sense: the attacker cannot act or the target is gone or dead.</summary>
    public static bool StillOn(StepContext context, EntityId attackerId, EntityId targetId, out Creature attacker, out Creature target)
    {
        attacker = context.Find<Creature>(attackerId)!;
        target = context.Find<Creature>(targetId)!;
        return attacker is not null && target is not null && attacker.CanAct() && target.Health() != Health.Dead;
    }

    public static void Announce(StepContext context, CoreStep step, bool hit, bool critical, int damage)
    {
        var (attacker, target, opportunity) = step switch
        {
            AttackRollStep a => (a.Attacker, a.Target, a.Opportunity),
            DamageStep d => (d.Attacker, d.Target, d.Opportunity),
            _ => throw new ArgumentException("not an attack step", nameof(step)),
        };
        var recipients = Control.RecipientsFor(context, attacker).Union(Control.RecipientsFor(context, target));
        context.Notify(recipients, new AttackResolved(attacker, target, hit, critical, damage, opportunity));
    }
}
