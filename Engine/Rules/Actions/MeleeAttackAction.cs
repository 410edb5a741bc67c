using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Combat;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow.Processes;

namespace Ikosa.Engine.Rules.Actions;

/// <summary>A standard-action attack with the creature's melee weapon against an adjacent creature it can see.</summary>
public sealed class MeleeAttackAction : CoreAction
{
    public const string TargetKey = "target";

    public override string Key => "melee-attack";

    public override string DisplayName => "Melee attack";

    public override ActionTime Time => ActionTime.Standard;

    public override IReadOnlyList<AimingMode> Aiming(ActionContext context) =>
    [
        new AimingMode(TargetKey, AimKind.Creature, 1, 1, 5,
            [.. Reachable(context).Select(c => c.Id)], "the creature to attack"),
    ];

    public override string? Unavailable(ActionContext context) =>
        context.Actor.MeleeWeapon() is null ? $"{context.Actor.Name} has no melee weapon" : null;

    public override string? Check(ActionContext context, CoreActivity activity)
    {
        var targets = activity.CreaturesFor(TargetKey);
        if (targets.Count != 1) return "choose one creature to attack";
        return Reachable(context).Any(c => c.Id == targets[0]) ? null : "that creature is not within reach (or not in sight)";
    }

    public override IEnumerable<CoreStep> Steps(ActionContext context, CoreActivity activity) =>
    [
        new AttackRollStep(EntityId.New(), context.Actor.Id, activity.CreaturesFor(TargetKey)[0], context.Actor.MeleeWeapon()!.Key, Penalty: 0, Opportunity: false),
    ];

    private static IEnumerable<Creature> Reachable(ActionContext context) =>
        context.VisibleLiving().Where(c => c.Position.IsAdjacentTo(context.Actor.Position));
}
