using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Gate;

/// <summary>
/// One task's way through the retry policy, shared by direct gate calls and the task service: it counts the task's
/// tries, its failed tries this round and its re-queues, doubles the budget at each re-queue, and keeps the gate's
/// retry counters. A struct, so a direct read costs no allocation for it.
/// </summary>
internal struct TaskRetries(ModelGate gate)
{
    private int _failedThisRound;
    private int _requeues;

    public int Tries { get; private set; }

    /// <summary>The time budget of the next try.</summary>
    public TimeSpan Budget { get; private set; } = gate.Options.Budget;

    public void StartTry() => Tries++;

    /// <summary>What to do after <paramref name="aborted"/>; on a re-queue the next round starts with a doubled budget.</summary>
    public RetryDecision OnAborted(TransactionAbortedException aborted)
    {
        var decision = gate.Options.Retry.Decide(aborted, ++_failedThisRound, _requeues);
        gate.CountRetry(failed: decision == RetryDecision.Fail);
        if (decision == RetryDecision.Requeue)
        {
            _requeues++;
            _failedThisRound = 0;
            Budget = Doubled(Budget);
        }
        return decision;
    }

    /// <summary>The error a task ends with when the policy gives up on it.</summary>
    public readonly TransactionFailedException Failure(TransactionAbortedException aborted) =>
        new($"the task failed after {Tries} tries: {aborted.Message}", aborted);

    private static TimeSpan Doubled(TimeSpan budget) =>
        budget == Timeout.InfiniteTimeSpan || budget > TimeSpan.FromDays(1) ? budget : budget * 2;
}
