using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Movement;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow.Processes;

namespace Ikosa.Engine.Rules.Actions;

/// <summary>Opening or closing a door next to the creature: a harmless move action.</summary>
public sealed class DoorAction(bool open) : CoreAction
{
    public const string DoorKey = "door";

    public override string Key => open ? "open-door" : "close-door";

    public override string DisplayName => open ? "Open door" : "Close door";

    public override ActionTime Time => ActionTime.Move;

    public override bool IsHarmless => true;

    public override IReadOnlyList<AimingMode> Aiming(ActionContext context) =>
        [new AimingMode(DoorKey, AimKind.Cell, 1, 1, 5, [], open ? "the door to open" : "the door to close")];

    public override string? Unavailable(ActionContext context) =>
        context.Actor.Position.Neighbours().Any(cell => context.Map.TerrainAt(cell) == (open ? Terrain.ClosedDoor : Terrain.OpenDoor))
            ? null
            : open ? "no closed door within reach" : "no open door within reach";

    public override string? Check(ActionContext context, CoreActivity activity)
    {
        var cells = activity.CellsFor(DoorKey);
        if (cells.Count != 1) return "give the door's square";
        var terrain = context.Map.TerrainAt(cells[0]);
        if (!terrain.IsDoor()) return $"there is no door at {cells[0]}";
        if (!cells[0].IsAdjacentTo(context.Actor.Position)) return "that door is out of reach";
        return (terrain == Terrain.OpenDoor) == open ? (open ? "that door is already open" : "that door is already closed") : null;
    }

    public override IEnumerable<CoreStep> Steps(ActionContext context, CoreActivity activity) =>
        [new DoorStep(EntityId.New(), context.Actor.Id, activity.CellsFor(DoorKey)[0], open)];
}
