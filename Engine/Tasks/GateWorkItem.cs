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
    private TaskRetries _retries = new(gate);

    public Task<T> Completion => _completion.Task;

    public bool TryRunNow()
    {
        if (mode != TransactionMode.Read)
            return false;
        _retries.StartTry();
        try
        {
            if (!gate.TryReadNow(work, _retries.Budget, out var result))
                return false;
            _completion.TrySetResult(result);
            return true;
        }
        catch (WriteRequiredException)
        {
            gate.CountUpgrade();
            mode = TransactionMode.Write;
            return false;
        }
        catch (TransactionAbortedException aborted)
        {
            if (_retries.OnAborted(aborted) is RetryDecision.RetryNow or RetryDecision.Requeue)
                return false;
            _completion.TrySetException(_retries.Failure(aborted));
            return true;
        }
        catch (Exception e)
        {
            _completion.TrySetException(e);
            return true;
        }
    }

    public async ValueTask<bool> RunRoundAsync()
    {
        while (true)
        {
            _retries.StartTry();
            try
            {
                var result = mode == TransactionMode.Read
                    ? gate.RunOnce(work, mode, _retries.Budget)
                    : (T)(await writes.Run(tx => work(tx), _retries.Budget).ConfigureAwait(false))!;
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
                switch (_retries.OnAborted(aborted))
                {
                    case RetryDecision.RetryNow:
                        break;
                    case RetryDecision.Requeue:
                        return false;
                    default:
                        _completion.TrySetException(_retries.Failure(aborted));
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
