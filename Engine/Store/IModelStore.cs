using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Store;

/// <summary>
/// Where commits become durable. <see cref="Commit"/> is called under the write lock with one or more
/// commits of consecutive serials (a group, made durable with a single sync); it must store them all or
/// none, and not return until they would survive a crash. If it throws, the commits are rolled back; a
/// <see cref="StoreFailedException"/> with a <see cref="StoreFailedException.Problem"/> says the store cannot save at
/// all for now (the gate then tries it again only after a back-off), and the store must be ready for that next try.
/// </summary>
public interface IModelStore : IDisposable
{
    /// <summary>The last committed state, whole, or an exception if it cannot be loaded whole.</summary>
    StoredState Load();

    void Commit(IReadOnlyList<CommittedTransaction> commits);
}
