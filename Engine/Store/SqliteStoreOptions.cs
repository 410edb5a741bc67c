namespace Ikosa.Engine.Store;

public sealed record SqliteStoreOptions
{
    /// <summary>
    /// True (the default): every commit is synced to disk before it returns, so it survives a power cut.
    /// False: commits survive a crash of the host process (the WAL is written before the commit
    /// returns) but the last ones may be lost if the machine itself goes down.
    /// </summary>
    public bool SyncEveryCommit { get; init; } = true;

    /// <summary>How long to wait for a file locked by another process before refusing it (whole seconds).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(1);
}
