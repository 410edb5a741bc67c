using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow.Processes;

namespace Ikosa.Rules.Shove;

/// <summary>
/// An action added from outside the engine, by a rule package (the guide in Engine/README.md walks through it): push an
/// adjacent creature one square away if you beat it in an opposed Strength check.
/// </summary>
public sealed class ShoveAction : CoreAction
{
    public const string TargetKey = "target";

    public override string Key => "shove";

    public override string DisplayName => "Shove";

    public override ActionTime Time => ActionTime.Standard;

    public override IReadOnlyList<AimingMode> Aiming(ActionContext context) =>
        [new AimingMode(TargetKey, AimKind.Creature, 1, 1, 5, [.. Adjacent(context).Select(c => c.Id)], "the creature to shove")];

    public override string? Check(ActionContext context, CoreActivity activity)
    {
        var targets = activity.CreaturesFor(TargetKey);
        if (targets.Count != 1) return "choose one creature to shove";
        return Adjacent(context).Any(c => c.Id == targets[0]) ? null : "that creature is not next to you";
    }

    public override IEnumerable<CoreStep> Steps(ActionContext context, CoreActivity activity) =>
        [new ShoveStep(EntityId.New(), context.Actor.Id, activity.CreaturesFor(TargetKey)[0])];

    private static IEnumerable<Creature> Adjacent(ActionContext context) =>
        context.VisibleLiving().Where(c => c.Position.IsAdjacentTo(context.Actor.Position));
}
