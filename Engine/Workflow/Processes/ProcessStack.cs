using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Processes;

/// <summary>
/// The running processes, bottom first. A new process goes on top and runs first, which is how an
/// interruption (an attack of opportunity) pre-empts the move that provoked it.
/// </summary>
[EntityName("workflow.process-stack")]
public sealed record ProcessStack(EntityId Id, ImmutableList<EntityId> Processes) : Entity(Id)
{
    public static readonly EntityId Key = EntityId.Named("workflow.process-stack");

    public static ProcessStack Empty => new(Key, ImmutableList<EntityId>.Empty);

    public EntityId? Top => Processes.IsEmpty ? null : Processes[^1];
}
