using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Movement;

/// <summary>Opens or closes the door at <see cref="Door"/>; a door with someone standing in it stays open.</summary>
[EntityName("rules.step.door")]
public sealed record DoorStep(EntityId Id, EntityId Creature, Cell Door, bool Open) : CoreStep(Id)
{
    public override string Describe() => Open ? "open door" : "close door";

    public override void Run(StepContext context)
    {
        if (context.Find<Creature>(Creature) is not { } opener) return;
        var map = SceneMap.Of(context, opener.Scene);
        var terrain = map.TerrainAt(Door);
        if (!terrain.IsDoor() || (terrain == Terrain.OpenDoor) == Open) return;
        if (!Open && Placement.At(context, opener.Scene, Door).Any()) return;
        context.Put(map.WithTerrain(Door, Open ? Terrain.OpenDoor : Terrain.ClosedDoor));
        context.Notify(Control.Everyone(context), new MapChanged(Door));
    }
}
