using Ikosa.Engine.Model;
using Ikosa.Engine.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Engine.Store;

/// <summary>
/// The default store: one SQLite file in WAL mode holding the current state (one row per entity, as
/// JSON under its registered type name) and the serial of the last commit. Each commit is one SQLite
/// transaction, so the file always holds a whole prefix of the commits. Because rows are overwritten in
/// place rather than appended, the file is its own compacted snapshot: start-up reads the live state,
/// not the history. The file is opened exclusively, so a second host cannot write to it.
/// <para>
/// A commit that fails (a full disk, a read-only file, an I/O error, a lock held by another program) throws a
/// <see cref="StoreFailedException"/> naming the problem, and the store lets go of its connection: the next commit
/// opens the file afresh and checks that it still holds exactly what this store wrote before writing to it, so no
/// dead transaction or half-broken handle outlives a failure, and play resumes once the cause is gone. The one
/// exception is a file moved or removed during play: its open connection is then the only copy of the game, so it is
/// kept, and the game is written back to its path as soon as that path is free.
/// </para>
/// </summary>
public sealed class SqliteStore : IModelStore
{
    /// <summary>The schema this build writes; a file with a higher version is refused.</summary>
    public const int SchemaVersion = 1;

    // 'IKOS': tells our game files from other SQLite databases.
    private const int ApplicationId = 0x494B4F53;

    private readonly EntityTypeRegistry _types;
    private readonly SqliteStoreOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private SqliteFile? _file; // null after a failed commit: opened afresh before the next one
    private long _serial;
    private long? _pageLimit;

    /// <exception cref="StoreRefusedException">the file cannot be used: corrupt, foreign, newer, read-only, or in use</exception>
    public SqliteStore(string path, EntityTypeRegistry types, SqliteStoreOptions? options = null, ILogger<SqliteStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SQLitePCL.Batteries_V2.Init();
        _types = types;
        _options = options ?? new SqliteStoreOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Path = path;
        try
        {
            _file = SqliteFile.Open(path, _options, create: true);
            Prepare(_file);
        }
        catch (StoreFailedException e) when (e.Problem is { } problem)
        {
            _file?.Dispose();
            throw Refused(problem, e);
        }
        catch
        {
            _file?.Dispose();
            throw;
        }
    }

    public string Path { get; }

    /// <summary>
    /// For tests: caps the file at this many pages (never below its current size), so that the next commit needing
    /// more fails exactly as on a full disk; null lifts the cap. Like a full disk, it outlasts reopening the file.
    /// </summary>
    internal long? PageLimit
    {
        get
        {
            lock (_lock) return _pageLimit;
        }
        set
        {
            lock (_lock)
            {
                _pageLimit = value;
                _file?.LimitPages(value);
            }
        }
    }

    public StoredState Load()
    {
        lock (_lock)
        {
            var file = _file ?? throw new InvalidOperationException("the store is loaded once, right after it is opened");
            var entities = new List<Entity>();
            try
            {
                _serial = file.Scalar("SELECT value FROM meta WHERE key = 'serial'");
                file.ForEachRow("SELECT id, type, data FROM entities", row =>
                {
                    var id = row.GetString(0);
                    var typeName = row.GetString(1);
                    try
                    {
                        entities.Add(_types.Deserialize(typeName, row.GetString(2)));
                    }
                    catch (Exception e)
                    {
                        throw new StoreRefusedException($"game file '{Path}': entity {id} of type '{typeName}' cannot be loaded: {e.Message}", e);
                    }
                });
            }
            catch (StoreFailedException e) when (e.Problem is { } problem)
            {
                throw Refused(problem, e);
            }
            return new StoredState(_serial, entities);
        }
    }

    /// <exception cref="StoreFailedException">nothing of the commits was stored; <see cref="StoreFailedException.Problem"/> says why</exception>
    public void Commit(IReadOnlyList<CommittedTransaction> commits)
    {
        if (commits.Count == 0) return;
        lock (_lock)
        {
            for (var i = 0; i < commits.Count; i++)
            {
                if (commits[i].Serial != _serial + 1 + i)
                    throw new InvalidOperationException($"commit {commits[i].Serial} is out of order: the file is at serial {_serial + i}");
            }
            var rows = Rows(commits);
            var serial = commits[^1].Serial;
            try
            {
                var file = _file ?? Reopen();
                if (file.HasMoved) file = PutBack(file);
                file.Write(rows, serial);
            }
            catch (StoreFailedException e) when (e.Problem?.Kind != StoreProblemKind.Moved)
            {
                // Whatever the failure left behind in this connection, the next commit starts on a fresh one.
                Drop();
                throw;
            }
            _serial = serial;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file?.Checkpoint();
            Drop();
        }
    }

    /// <summary>
    /// Only the last version of each entity in the group is written; and everything is serialised before the file is
    /// touched, so a bad entity fails its commit alone and leaves the file (and the store) as they were.
    /// </summary>
    private List<(string Id, string? Type, string? Data)> Rows(IReadOnlyList<CommittedTransaction> commits)
    {
        var last = new Dictionary<EntityId, Entity?>();
        foreach (var commit in commits)
        foreach (var change in commit.Changes)
            last[change.Id] = change.After;
        return last
            .Select(c => (Id: c.Key.ToString(), Type: c.Value is null ? null : _types.NameOf(c.Value.GetType()),
                Data: c.Value is null ? null : _types.Serialize(c.Value)))
            .ToList();
    }

    /// <summary>
    /// Opens the file again after a failure, and refuses to write to it unless it is still what this store wrote:
    /// writable, an Ikosa game file, at the serial of the last commit (so another program's changes are never
    /// written over, and nothing acknowledged is missing).
    /// </summary>
    private SqliteFile Reopen()
    {
        var file = SqliteFile.Open(Path, _options, create: false);
        try
        {
            if (file.Scalar("PRAGMA application_id") != ApplicationId)
                throw Failed(StoreProblemKind.Changed, "it is no longer an Ikosa game file");
            var serial = file.Scalar("SELECT value FROM meta WHERE key = 'serial'");
            if (serial != _serial)
                throw Failed(StoreProblemKind.Changed, $"it is at serial {serial}, this host at {_serial}");
            if (_pageLimit is { } pages) file.LimitPages(pages);
        }
        catch
        {
            file.Dispose();
            throw;
        }
        _logger.LogDebug("{Path} opened again after a failed commit", Path);
        return _file = file;
    }

    /// <summary>
    /// The open file was moved or removed while the game ran. If its path is free, the game is written there again
    /// from the open file (which holds the last commit) and the store goes on with that copy; if another file is there,
    /// the open one, the only copy, is kept until the path is cleared or the file put back.
    /// </summary>
    private SqliteFile PutBack(SqliteFile file)
    {
        if (File.Exists(Path))
            throw Failed(StoreProblemKind.Moved, "another file is now at that path");
        var copy = Path + ".restoring";
        try
        {
            TryDelete(copy);
            file.CopyTo(copy);
            File.Move(copy, Path, overwrite: false); // never over a file that appeared meanwhile
        }
        catch (Exception e) when (e is StoreFailedException or IOException or UnauthorizedAccessException)
        {
            TryDelete(copy);
            throw Failed(StoreProblemKind.Moved, $"it could not be written there again: {(e as StoreFailedException)?.Problem?.Detail ?? e.Message}", e);
        }
        // Closing the old connection merges its WAL into the moved file. A WAL it leaves at the path belongs to that
        // file, not to the copy, and must not be replayed into the copy when it is opened.
        Drop();
        TryDelete(Path + "-wal");
        _logger.LogWarning("{Path} was moved or removed while the game ran; the game was written there again from the open file", Path);
        return Reopen();
    }

    private void Drop()
    {
        _file?.Dispose();
        _file = null;
    }

    private void Prepare(SqliteFile file)
    {
        var check = file.Text("PRAGMA quick_check");
        if (check != "ok") throw new StoreRefusedException($"game file '{Path}' is corrupt: {check}");

        var version = file.Scalar("PRAGMA user_version");
        var applicationId = file.Scalar("PRAGMA application_id");
        var tables = file.Scalar("SELECT count(*) FROM sqlite_master");
        if (version == 0 && applicationId == 0 && tables == 0)
        {
            file.CreateSchema([
                "CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, data TEXT NOT NULL) WITHOUT ROWID",
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
                "INSERT INTO meta(key, value) VALUES ('serial', 0)",
                $"PRAGMA application_id = {ApplicationId}",
                $"PRAGMA user_version = {SchemaVersion}",
            ]);
            return;
        }
        if (applicationId != ApplicationId)
            throw new StoreRefusedException($"'{Path}' is an SQLite database but not an Ikosa game file");
        if (version > SchemaVersion)
            throw new StoreRefusedException(
                $"game file '{Path}' has schema version {version}, newer than this host understands ({SchemaVersion}); upgrade the host");
        if (version < 1 || file.Scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('entities', 'meta')") != 2)
            throw new StoreRefusedException($"game file '{Path}' is incomplete (schema version {version}, tables missing)");
    }

    private StoreFailedException Failed(StoreProblemKind kind, string detail, Exception? inner = null) =>
        new(new StoreProblem(kind, Path, detail, DiskSpace.FreeBytes(Path)), inner);

    /// <summary>Why the file cannot be used at start, and what to do, in one sentence.</summary>
    private StoreRefusedException Refused(StoreProblem problem, Exception? inner) => new(problem.Kind switch
    {
        StoreProblemKind.DiskFull or StoreProblemKind.DiskError => $"game file '{Path}' cannot be used: {problem.Explain()}. {problem.Advice}",
        StoreProblemKind.ReadOnly => $"game file '{Path}' cannot be written: the file or its disk is read-only ({problem.Detail}). " +
                                     "Make it writable, or copy it to a writable folder and start the host on the copy.",
        StoreProblemKind.Locked => $"game file '{Path}' is in use by another program, perhaps another host ({problem.Detail}). Close it and start again.",
        _ => $"game file '{Path}' cannot be opened: {problem.Detail} (is it corrupt, not a game file, or is its folder missing?)",
    }, inner);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
