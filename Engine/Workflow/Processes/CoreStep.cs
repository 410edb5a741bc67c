using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Prerequisites;

namespace Ikosa.Engine.Workflow.Processes;

/// <summary>
/// One step of a process. When it reaches the head of the top process it is planned once
/// (<see cref="Plan"/> returns the prerequisites it needs), its prerequisites are dispensed in order,
/// and when all are ready <see cref="Run"/> does its work through the <see cref="StepContext"/>: if Run
/// throws, everything the step did is undone. Derive a record per kind of step, holding the data it
/// needs (ids, not objects), and give it an <c>[EntityName]</c>.
/// </summary>
public abstract record CoreStep(EntityId Id) : Entity(Id)
{
    /// <summary>The process the step belongs to (set by the engine).</summary>
    public EntityId Process { get; init; }

    /// <summary>The prerequisites, in dispensing order (set by the engine when planned).</summary>
    public ImmutableList<EntityId> Prerequisites { get; init; } = ImmutableList<EntityId>.Empty;

    public bool IsPlanned { get; init; }

    /// <summary>A short name for logs and the master's view.</summary>
    public virtual string Describe() => GetType().Name;

    /// <summary>The prerequisites this step needs, in the order they are to be dispensed.</summary>
    public virtual IEnumerable<StepPrerequisite> Plan(StepContext context) => [];

    /// <summary>The step's work, once every prerequisite is ready.</summary>
    public abstract void Run(StepContext context);
}
