using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Gate;

public sealed record GateOptions
{
    /// <summary>How long a task may wait for the model lock before failing with "server busy".</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A task's time budget, checked at each change and at commit (Timeout.InfiniteTimeSpan for none).</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMilliseconds(100);

    public RetryPolicy Retry { get; init; } = new();

    /// <summary>The clock for budgets and scheduled tasks; tests pass a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
