using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Gate;

/// <summary>
/// Told of each commit after it is durable and after the model lock is released, strictly in serial
/// order and never concurrently. Must return quickly (hand work off); exceptions are logged and ignored.
/// </summary>
public interface ICommitListener
{
    void OnCommitted(CommittedTransaction commit);
}
