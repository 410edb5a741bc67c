using Ikosa.Engine.Model;
using Ikosa.Engine.Tasks;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Processes;

/// <summary>
/// Fires when a prompt's timeout is up: the process manager serving this game applies the default
/// answer of every overdue prompt and moves the workflow on. If no manager is attached yet (the host is
/// still starting) it tries again a second later.
/// </summary>
[EntityName("workflow.task.prerequisite-timeout")]
public sealed record PrerequisiteTimeoutTask(EntityId Id, EntityId Prerequisite) : ScheduledTask(Id)
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public override void Run(Transaction tx)
    {
        if (tx.Find<WorkflowState>(WorkflowState.Key) is not { } state) return;
        if (ProcessManagers.Find(state.GameId) is { } manager)
            manager.ExpireTimeouts(tx);
        else if (tx.Find<Prerequisites.StepPrerequisite>(Prerequisite) is { IsReady: false })
            tx.Schedule(new PrerequisiteTimeoutTask(EntityId.New(), Prerequisite), RetryDelay);
    }
}
