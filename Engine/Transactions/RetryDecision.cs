namespace Ikosa.Engine.Transactions;

public enum RetryDecision
{
    /// <summary>Give up: the task fails with a clear error.</summary>
    Fail,

    /// <summary>Run the task again at once, with the same budget.</summary>
    RetryNow,

    /// <summary>Put the task back at the end of its queue with a doubled budget.</summary>
    Requeue,
}
