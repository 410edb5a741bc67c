using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Movement;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow.Processes;

namespace Ikosa.Engine.Rules.Actions;

/// <summary>A move action: up to the creature's speed along a path (difficult terrain costs double); in combat, leaving threatened squares provokes.</summary>
public sealed class MoveAction : CoreAction
{
    public const string PathKey = "path";

    public override string Key => "move";

    public override string DisplayName => "Move";

    public override ActionTime Time => ActionTime.Move;

    public override bool IsHarmless => true;

    public override bool Moves => true;

    public override IReadOnlyList<AimingMode> Aiming(ActionContext context) =>
    [
        new AimingMode(PathKey, AimKind.Path, 1, context.Actor.Speed / Cell.Feet, context.Actor.Speed, [], "the squares to move through"),
    ];

    public override string? Unavailable(ActionContext context) =>
        context.InCombat && context.Budget.TookFiveFootStep ? "a creature that took a 5-foot step cannot move further this turn" : null;

    public override string? Check(ActionContext context, CoreActivity activity)
    {
        var path = activity.CellsFor(PathKey);
        if (path.IsEmpty) return "give the path to move along";
        if (Paths.CheckSteps(context.Actor.Position, path) is { } error) return error;
        var cost = Paths.CostFeet(context.Map, context.Actor.Position, path);
        return cost > context.Actor.Speed ? $"that path is {cost} feet; {context.Actor.Name} moves {context.Actor.Speed} feet" : null;
    }

    public override IEnumerable<CoreStep> Steps(ActionContext context, CoreActivity activity) =>
        [new MoveStep(EntityId.New(), context.Actor.Id, activity.CellsFor(PathKey), Provokes: context.InCombat, ImmutableList<EntityId>.Empty)];
}
