using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow;

/// <summary>
/// The workflow's own singleton: the game's identity (so a scheduled task can find the rules serving
/// this game) and a counter that orders logs, processes and rolls.
/// </summary>
[EntityName("workflow.state")]
public sealed record WorkflowState(EntityId Id, Guid GameId, long NextSequence) : Entity(Id)
{
    public static readonly EntityId Key = EntityId.Named("workflow.state");
}
