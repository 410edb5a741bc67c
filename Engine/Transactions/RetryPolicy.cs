namespace Ikosa.Engine.Transactions;

/// <summary>
/// Decides what happens after a task is aborted (Darkstar's NowOrLater policy, bounded): a retryable
/// abort is retried at once up to <see cref="ImmediateRetries"/> times, then the task is re-queued with
/// a doubled budget up to <see cref="Requeues"/> times, then it fails. Anything not retryable fails at once.
/// </summary>
public sealed record RetryPolicy(int ImmediateRetries = 3, int Requeues = 1)
{
    /// <param name="error">why the last try failed</param>
    /// <param name="failedTriesThisRound">tries that failed since the task was (re)queued, including this one</param>
    /// <param name="requeuesSoFar">how many times the task has already been re-queued</param>
    public RetryDecision Decide(Exception error, int failedTriesThisRound, int requeuesSoFar)
    {
        if (error is not TransactionAbortedException { IsRetryable: true }) return RetryDecision.Fail;
        if (failedTriesThisRound <= ImmediateRetries) return RetryDecision.RetryNow;
        return requeuesSoFar < Requeues ? RetryDecision.Requeue : RetryDecision.Fail;
    }
}
