using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Store;

/// <summary>
/// Where commits become durable. <see cref="Commit"/> is called under the write lock, in serial order,
/// and must not return until the commit would survive a crash; if it throws, the commit is rolled back.
/// </summary>
public interface IModelStore : IDisposable
{
    /// <summary>The last committed state, whole, or an exception if it cannot be loaded whole.</summary>
    StoredState Load();

    void Commit(CommittedTransaction commit);
}
