using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Store;

/// <summary>
/// Where commits become durable. <see cref="Commit"/> is called under the write lock with one or more
/// commits of consecutive serials (a group, made durable with a single sync); it must store them all or
/// none, and not return until they would survive a crash. If it throws, the commits are rolled back.
/// </summary>
public interface IModelStore : IDisposable
{
    /// <summary>The last committed state, whole, or an exception if it cannot be loaded whole.</summary>
    StoredState Load();

    void Commit(IReadOnlyList<CommittedTransaction> commits);
}
