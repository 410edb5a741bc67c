using Ikosa.Engine.Model;
using Ikosa.Engine.Transactions;
using Microsoft.Data.Sqlite;

namespace Ikosa.Engine.Store;

/// <summary>
/// The default store: one SQLite file in WAL mode holding the current state (one row per entity, as
/// JSON under its registered type name) and the serial of the last commit. Each commit is one SQLite
/// transaction, so the file always holds a whole prefix of the commits. Because rows are overwritten in
/// place rather than appended, the file is its own compacted snapshot: start-up reads the live state,
/// not the history. The file is opened exclusively, so a second host cannot write to it.
/// </summary>
public sealed class SqliteStore : IModelStore
{
    /// <summary>The schema this build writes; a file with a higher version is refused.</summary>
    public const int SchemaVersion = 1;

    // 'IKOS': tells our game files from other SQLite databases.
    private const int ApplicationId = 0x494B4F53;

    private readonly SqliteConnection _connection;
    private readonly EntityTypeRegistry _types;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _setSerial;
    private long _serial;

    public SqliteStore(string path, EntityTypeRegistry types, SqliteStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SQLitePCL.Batteries_V2.Init();
        _types = types;
        Path = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // Another host holding the file makes every statement busy; fail fast rather than hang.
            DefaultTimeout = (int)Math.Ceiling(options?.BusyTimeout.TotalSeconds ?? 1),
        }.ToString());
        try
        {
            _connection.Open();
            Prepare(options ?? new SqliteStoreOptions());
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw Refused(e);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
        _upsert = Command("INSERT INTO entities(id, type, data) VALUES ($id, $type, $data) " +
                          "ON CONFLICT(id) DO UPDATE SET type = excluded.type, data = excluded.data",
            "$id", "$type", "$data");
        _delete = Command("DELETE FROM entities WHERE id = $id", "$id");
        _setSerial = Command("UPDATE meta SET value = $serial WHERE key = 'serial'", "$serial");
    }

    public string Path { get; }

    public StoredState Load()
    {
        var entities = new List<Entity>();
        try
        {
            _serial = Scalar("SELECT value FROM meta WHERE key = 'serial'");
            using var select = _connection.CreateCommand();
            select.CommandText = "SELECT id, type, data FROM entities";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                var typeName = reader.GetString(1);
                try
                {
                    entities.Add(_types.Deserialize(typeName, reader.GetString(2)));
                }
                catch (Exception e)
                {
                    throw new StoreRefusedException($"game file '{Path}': entity {id} of type '{typeName}' cannot be loaded: {e.Message}", e);
                }
            }
        }
        catch (SqliteException e)
        {
            throw Refused(e);
        }
        return new StoredState(_serial, entities);
    }

    public void Commit(IReadOnlyList<CommittedTransaction> commits)
    {
        if (commits.Count == 0) return;
        for (var i = 0; i < commits.Count; i++)
        {
            if (commits[i].Serial != _serial + 1 + i)
                throw new InvalidOperationException($"commit {commits[i].Serial} is out of order: the file is at serial {_serial + i}");
        }
        // Only the last version of each entity in the group is written; and everything is serialised
        // before the file is touched, so a bad entity leaves the file as it was.
        var last = new Dictionary<EntityId, Entity?>();
        foreach (var commit in commits)
        foreach (var change in commit.Changes)
            last[change.Id] = change.After;
        var rows = last
            .Select(c => (Id: c.Key.ToString(), Type: c.Value is null ? null : _types.NameOf(c.Value.GetType()),
                Data: c.Value is null ? null : _types.Serialize(c.Value)))
            .ToList();
        var serial = commits[^1].Serial;
        using var transaction = _connection.BeginTransaction();
        foreach (var (id, type, data) in rows)
        {
            if (type is null)
            {
                Execute(_delete, transaction, id);
            }
            else
            {
                Execute(_upsert, transaction, id, type, data!);
            }
        }
        Execute(_setSerial, transaction, serial);
        transaction.Commit();
        _serial = serial;
    }

    public void Dispose()
    {
        try
        {
            using var checkpoint = _connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // The WAL is replayed on the next open anyway.
        }
        _upsert.Dispose();
        _delete.Dispose();
        _setSerial.Dispose();
        _connection.Dispose();
    }

    private void Prepare(SqliteStoreOptions options)
    {
        NonQuery("PRAGMA locking_mode = EXCLUSIVE");
        var journal = Text("PRAGMA journal_mode = WAL");
        if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
            throw new StoreRefusedException($"game file '{Path}': cannot switch to WAL mode (got '{journal}')");
        NonQuery(options.SyncEveryCommit ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");

        var check = Text("PRAGMA quick_check");
        if (check != "ok") throw new StoreRefusedException($"game file '{Path}' is corrupt: {check}");

        var version = Scalar("PRAGMA user_version");
        var applicationId = Scalar("PRAGMA application_id");
        var tables = Scalar("SELECT count(*) FROM sqlite_master");
        if (version == 0 && applicationId == 0 && tables == 0)
        {
            CreateSchema();
            return;
        }
        if (applicationId != ApplicationId)
            throw new StoreRefusedException($"'{Path}' is an SQLite database but not an Ikosa game file");
        if (version > SchemaVersion)
            throw new StoreRefusedException(
                $"game file '{Path}' has schema version {version}, newer than this host understands ({SchemaVersion}); upgrade the host");
        if (version < 1 || Scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('entities', 'meta')") != 2)
            throw new StoreRefusedException($"game file '{Path}' is incomplete (schema version {version}, tables missing)");
    }

    private void CreateSchema()
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var sql in new[]
                 {
                     "CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, data TEXT NOT NULL) WITHOUT ROWID",
                     "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
                     "INSERT INTO meta(key, value) VALUES ('serial', 0)",
                     $"PRAGMA application_id = {ApplicationId}",
                     $"PRAGMA user_version = {SchemaVersion}",
                 })
        {
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private StoreRefusedException Refused(SqliteException e) =>
        new($"game file '{Path}' cannot be opened: {e.Message} (is it corrupt, not a game file, or in use by another host?)", e);

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Execute(SqliteCommand command, SqliteTransaction transaction, params object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private void NonQuery(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private string Text(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar()) ?? "";
    }
}
