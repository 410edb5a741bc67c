using Ikosa.Engine.Model;
using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Tasks;

/// <summary>
/// A durable task: an entity (so it is rolled back with its transaction, persisted with the commit and
/// found again after a restart) whose <see cref="Run"/> is called in its own write transaction when it
/// is due. Derive a record per kind, register it like any entity type, and schedule it with
/// <c>tx.Schedule(task, delay, period)</c>.
/// </summary>
public abstract record ScheduledTask(EntityId Id) : Entity(Id)
{
    /// <summary>Wall-clock time at which the task should run (so delays survive a restart).</summary>
    public DateTimeOffset DueAt { get; init; }

    /// <summary>For a periodic task, the time between runs; null for a one-shot task.</summary>
    public TimeSpan? Period { get; init; }

    /// <summary>The task's work, inside its write transaction. Throwing rolls the run back.</summary>
    public abstract void Run(Transaction tx);
}
