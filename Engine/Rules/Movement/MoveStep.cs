using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Combat;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Views;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Movement;

/// <summary>
/// Moves a creature square by square along <see cref="Path"/>. It stops before a wall, a closed door or
/// an occupied square. When it <see cref="Provokes"/>, leaving a square next to an enemy interrupts the
/// move: the enemies' attacks of opportunity run first, then a follow-on step moves on (unless the
/// mover can no longer act). An enemy strikes at most once per move (<see cref="Provoked"/>).
/// </summary>
[EntityName("rules.step.move")]
public sealed record MoveStep(EntityId Id, EntityId Mover, ImmutableList<Cell> Path, bool Provokes, ImmutableList<EntityId> Provoked) : CoreStep(Id)
{
    public override string Describe() => "move";

    public override void Run(StepContext context)
    {
        if (context.Find<Creature>(Mover) is not { } mover || !mover.CanAct()) return;
        var map = SceneMap.Of(context, mover.Scene);
        var position = mover.Position;
        string? stoppedBy = null;
        for (var i = 0; i < Path.Count; i++)
        {
            var next = Path[i];
            stoppedBy = Obstacle(context, map, position, next);
            if (stoppedBy is not null) break;
            if (Provokes)
            {
                var provoked = Opportunity.Provoke(context, mover with { Position = position }, Provoked);
                if (!provoked.IsEmpty)
                {
                    context.Follow(new MoveStep(EntityId.New(), Mover, Path.RemoveRange(0, i), Provokes, Provoked.AddRange(provoked)));
                    break;
                }
            }
            position = next;
        }
        if (position != mover.Position)
        {
            var moved = mover with { Position = position };
            Placement.Put(context, context.Put, moved);
            // A character remembers what it sees where it arrives; its player's next view then has nothing new to record.
            if (Control.ControllerOf(context, Mover) is not null)
                Exploration.Record(context, context.Put, Mover, map.Id, Visibility.VisibleCells(map, moved));
            context.Notify(Visibility.Observers(context, Mover, mover.Position, position), new CreatureMoved(Mover, mover.Position, position));
        }
        if (stoppedBy is not null)
            context.Notify(Control.RecipientsFor(context, Mover), new MovementStopped(Mover, position, stoppedBy));
    }

    private string? Obstacle(StepContext context, SceneMap map, Cell from, Cell next)
    {
        if (!next.IsAdjacentTo(from)) return $"{next} is not next to {from}";
        if (map.Blocks(next)) return map.IsDoor(next) ? "a closed door" : "a wall";
        if (Placement.At(context, map.Id, next).Any(c => c.Id != Mover && c.Health() != Health.Dead))
            return "someone is in the way";
        return null;
    }
}
