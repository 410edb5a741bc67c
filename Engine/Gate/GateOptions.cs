using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Gate;

public sealed record GateOptions
{
    /// <summary>How long a task may wait for the model lock before failing with "server busy".</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A task's time budget, checked at each change and at commit (Timeout.InfiniteTimeSpan for none).</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMilliseconds(100);

    public RetryPolicy Retry { get; init; } = new();

    /// <summary>
    /// After a commit the store could not make durable, how long until the store is tried again; writes meanwhile are
    /// refused at once, untried. Doubles with each failed try, up to <see cref="StoreRetryMaxDelay"/>.
    /// </summary>
    public TimeSpan StoreRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan StoreRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The clock for budgets, scheduled tasks and store retries; tests pass a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
