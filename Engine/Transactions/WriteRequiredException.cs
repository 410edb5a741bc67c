namespace Ikosa.Engine.Transactions;

/// <summary>
/// A read transaction tried to change the model (or notify, or schedule). The read is aborted and
/// the gate runs the task again as a write, so declaring write intent is only an optimisation.
/// Do not catch this: the gate re-runs the task even if it is swallowed.
/// </summary>
public sealed class WriteRequiredException()
    : TransactionAbortedException("a read transaction tried to change the model; it is re-run as a write")
{
    public override bool IsRetryable => true;
}
