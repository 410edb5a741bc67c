using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Processes;

/// <summary>
/// A running piece of rules (an attack, a spell, initiative, a turn): a queue of steps whose head is
/// the step being worked on. A step may put follow-on steps at the head when it completes.
/// </summary>
[EntityName("workflow.process")]
public sealed record CoreProcess(EntityId Id, string Name, long Sequence, ImmutableList<EntityId> Steps) : Entity(Id)
{
    /// <summary>The creature whose action started it, if any (its controller hears how it ends).</summary>
    public EntityId? Actor { get; init; }
}
