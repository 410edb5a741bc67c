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
        var map = GameMaps.Of(context);
        if (map.DoorAt(Door) is not { } door || door.IsOpen == Open) return;
        if (!Open && context.All<Creature>().Any(c => c.Position == Door)) return;
        context.Put(map.WithDoor(Door, Open));
        context.Notify(Control.Everyone(context), new MapChanged(Door));
    }
}
