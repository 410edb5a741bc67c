namespace Ikosa.Engine.Transactions;

/// <summary>
/// A transaction was aborted by the engine (not by the task's own logic); everything it did is undone.
/// <see cref="IsRetryable"/> says whether running the task again may succeed.
/// </summary>
public abstract class TransactionAbortedException(string message, Exception? inner = null) : Exception(message, inner)
{
    public abstract bool IsRetryable { get; }
}
