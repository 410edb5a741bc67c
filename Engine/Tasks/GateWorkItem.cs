using Ikosa.Engine.Gate;
using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Tasks;

/// <summary>
/// A task on its way through the gate with the retry policy: immediate retries within a round, a
/// re-queue with a doubled budget between rounds, and a read re-run as a write if it tried to change
/// the model. Reads run directly (concurrently); writes go through the group-commit combiner.
/// Its outcome completes <see cref="Completion"/>.
/// </summary>
internal sealed class GateWorkItem<T>(ModelGate gate, WriteCombiner writes, TransactionMode mode, Func<Transaction, T> work) : IWorkItem
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _budget = gate.Options.Budget;
    private int _requeues;
    private int _tries;

    public Task<T> Completion => _completion.Task;

    public async ValueTask<bool> RunRoundAsync()
    {
        var failedThisRound = 0;
        while (true)
        {
            _tries++;
            try
            {
                var result = mode == TransactionMode.Read
                    ? gate.RunOnce(work, mode, _budget)
                    : (T)(await writes.Run(tx => work(tx), _budget).ConfigureAwait(false))!;
                _completion.TrySetResult(result);
                return true;
            }
            catch (WriteRequiredException) when (mode == TransactionMode.Read)
            {
                gate.CountUpgrade();
                mode = TransactionMode.Write;
            }
            catch (TransactionAbortedException aborted)
            {
                switch (gate.Options.Retry.Decide(aborted, ++failedThisRound, _requeues))
                {
                    case RetryDecision.RetryNow:
                        gate.CountRetry(failed: false);
                        break;
                    case RetryDecision.Requeue:
                        gate.CountRetry(failed: false);
                        _requeues++;
                        if (_budget != Timeout.InfiniteTimeSpan) _budget *= 2;
                        return false;
                    default:
                        gate.CountRetry(failed: true);
                        _completion.TrySetException(new TransactionFailedException($"the task failed after {_tries} tries: {aborted.Message}", aborted));
                        return true;
                }
            }
            catch (Exception e)
            {
                _completion.TrySetException(e);
                return true;
            }
        }
    }
}
