using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Combat;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow.Processes;

namespace Ikosa.Engine.Rules.Actions;

/// <summary>
/// A standard-action shot at a creature in sight and within ten range increments, at -2 per full
/// increment past the first. Shooting provokes attacks of opportunity from adjacent enemies.
/// </summary>
public sealed class RangedAttackAction : CoreAction
{
    public const string TargetKey = "target";
    public const int PenaltyPerIncrement = 2;

    public override string Key => "ranged-attack";

    public override string DisplayName => "Ranged attack";

    public override ActionTime Time => ActionTime.Standard;

    public override IReadOnlyList<AimingMode> Aiming(ActionContext context) =>
    [
        new AimingMode(TargetKey, AimKind.Creature, 1, 1, context.Actor.RangedWeapon()?.MaximumRangeFeet() ?? 0,
            [.. InRange(context).Select(c => c.Id)], "the creature to shoot"),
    ];

    public override string? Unavailable(ActionContext context) =>
        context.Actor.RangedWeapon() is null ? $"{context.Actor.Name} has no ranged weapon" : null;

    public override string? Check(ActionContext context, CoreActivity activity)
    {
        var targets = activity.CreaturesFor(TargetKey);
        if (targets.Count != 1) return "choose one creature to shoot";
        return InRange(context).Any(c => c.Id == targets[0]) ? null : "that creature is out of range or out of sight";
    }

    public override IEnumerable<CoreStep> Steps(ActionContext context, CoreActivity activity)
    {
        var weapon = context.Actor.RangedWeapon()!;
        var target = context.Reader.Get<Creature>(activity.CreaturesFor(TargetKey)[0]);
        var increments = (context.Actor.Position.DistanceFeetTo(target.Position) - 1) / weapon.RangeIncrementFeet;
        yield return new ProvokeStep(EntityId.New(), context.Actor.Id);
        yield return new AttackRollStep(EntityId.New(), context.Actor.Id, target.Id, weapon.Key, increments * PenaltyPerIncrement, Opportunity: false);
    }

    private static IEnumerable<Creature> InRange(ActionContext context) =>
        context.Actor.RangedWeapon() is { } weapon
            ? context.VisibleLiving().Where(c => context.Actor.Position.DistanceFeetTo(c.Position) <= weapon.MaximumRangeFeet())
            : [];
}
