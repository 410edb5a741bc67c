using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Store;

/// <summary>A store that keeps nothing: for tests and for games that need no persistence.</summary>
public sealed class InMemoryStore : IModelStore
{
    public StoredState Load() => StoredState.Empty;

    public void Commit(IReadOnlyList<CommittedTransaction> commits)
    {
    }

    public void Dispose()
    {
    }
}
