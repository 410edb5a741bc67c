namespace Ikosa.Engine.Transactions;

/// <summary>The task ran past its time budget; it was rolled back and may be retried with more time.</summary>
public sealed class BudgetExceededException(TimeSpan budget)
    : TransactionAbortedException($"the task exceeded its time budget of {budget.TotalMilliseconds:0.###} ms")
{
    public TimeSpan Budget { get; } = budget;

    public override bool IsRetryable => true;
}
