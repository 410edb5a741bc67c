using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Movement;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow.Processes;

namespace Ikosa.Engine.Rules.Actions;

/// <summary>One square, provoking nothing; not in a turn in which the creature otherwise moves, nor into difficult terrain.</summary>
public sealed class FiveFootStepAction : CoreAction
{
    public const string CellKey = "to";

    public override string Key => "five-foot-step";

    public override string DisplayName => "5-foot step";

    public override ActionTime Time => ActionTime.FiveFootStep;

    public override bool IsHarmless => true;

    public override IReadOnlyList<AimingMode> Aiming(ActionContext context) =>
        [new AimingMode(CellKey, AimKind.Cell, 1, 1, 5, [], "the square to step into")];

    public override string? Check(ActionContext context, CoreActivity activity)
    {
        var cells = activity.CellsFor(CellKey);
        if (cells.Count != 1) return "give the one square to step into";
        if (!cells[0].IsAdjacentTo(context.Actor.Position)) return "a 5-foot step goes to a square next to the creature";
        return context.Map.IsDifficult(cells[0]) ? "a 5-foot step cannot go into difficult terrain" : null;
    }

    public override IEnumerable<CoreStep> Steps(ActionContext context, CoreActivity activity) =>
        [new MoveStep(EntityId.New(), context.Actor.Id, activity.CellsFor(CellKey), Provokes: false, ImmutableList<EntityId>.Empty)];
}
