using Microsoft.Data.Sqlite;
using static SQLitePCL.raw;

namespace Ikosa.Engine.Store;

/// <summary>
/// One open connection to a game file, set up as the store needs it: locked exclusively (no other program may read
/// or write it while it is open), in WAL mode, synced as configured, with the commit's statements prepared.
/// Transactions are plain BEGIN/COMMIT/ROLLBACK statements, checked against SQLite's own state, so an error SQLite has
/// already rolled back leaves no transaction open behind it. Every SQLite error comes out as a
/// <see cref="StoreFailedException"/> naming the problem.
/// </summary>
internal sealed class SqliteFile : IDisposable
{
    // SQLite's ceiling for max_page_count: setting it lifts a page limit again.
    private const long NoPageLimit = 4294967294;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _setSerial;

    private SqliteFile(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
        _upsert = Command("INSERT INTO entities(id, type, data) VALUES ($id, $type, $data) " +
                          "ON CONFLICT(id) DO UPDATE SET type = excluded.type, data = excluded.data",
            "$id", "$type", "$data");
        _delete = Command("DELETE FROM entities WHERE id = $id", "$id");
        _setSerial = Command("UPDATE meta SET value = $serial WHERE key = 'serial'", "$serial");
    }

    public string Path { get; }

    /// <summary>True when the open file is no longer the one at <see cref="Path"/> (moved, removed or replaced).</summary>
    public bool HasMoved => SqliteDiagnosis.HasMoved(_connection);

    /// <summary>
    /// Opens the file, takes its lock and sets it up. <paramref name="create"/>: an empty file is made if there is none
    /// (at start); otherwise a missing file is an error (when reopening, an empty new file would lose the game).
    /// </summary>
    /// <exception cref="StoreFailedException">SQLite could not open or set up the file</exception>
    public static SqliteFile Open(string path, SqliteStoreOptions options, bool create)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
            // Another program holding the file makes every statement busy; fail fast rather than hang.
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString());
        try
        {
            connection.Open();
            // SQLite opens a file it may not write read-only instead of failing; the store could not lock it, let alone save.
            if (sqlite3_db_readonly(connection.Handle, "main") == 1)
                throw new StoreFailedException(new StoreProblem(StoreProblemKind.ReadOnly, path, "SQLite could open it only for reading", DiskSpace.FreeBytes(path)));
            Run(connection, "PRAGMA locking_mode = EXCLUSIVE");
            var journal = Convert.ToString(Scalar(connection, "PRAGMA journal_mode = WAL"));
            if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
                throw new StoreFailedException(new StoreProblem(StoreProblemKind.ReadOnly, path,
                    $"cannot switch to WAL mode (got '{journal}')", DiskSpace.FreeBytes(path)));
            Run(connection, options.SyncEveryCommit ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            return new SqliteFile(path, connection);
        }
        catch (SqliteException error)
        {
            var problem = SqliteDiagnosis.Problem(path, error, connection);
            connection.Dispose();
            throw new StoreFailedException(problem, error);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Writes the rows and the serial in one transaction; on any error nothing of it stays, and no transaction is left open.</summary>
    /// <exception cref="StoreFailedException">the transaction was not committed</exception>
    public void Write(IReadOnlyList<(string Id, string? Type, string? Data)> rows, long serial)
    {
        try
        {
            Run(_connection, "BEGIN IMMEDIATE");
            foreach (var (id, type, data) in rows)
            {
                if (type is null) Execute(_delete, id);
                else Execute(_upsert, id, type, data!);
            }
            Execute(_setSerial, serial);
            Run(_connection, "COMMIT");
        }
        catch (SqliteException error)
        {
            // Diagnosed before the rollback, which would replace the connection's error number.
            var problem = SqliteDiagnosis.Problem(Path, error, _connection);
            EndTransaction();
            throw new StoreFailedException(problem, error);
        }
    }

    /// <summary>Runs the statements of a new file's schema in one transaction.</summary>
    public void CreateSchema(IEnumerable<string> statements)
    {
        Guarded(() =>
        {
            Run(_connection, "BEGIN IMMEDIATE");
            try
            {
                foreach (var sql in statements) Run(_connection, sql);
                Run(_connection, "COMMIT");
            }
            catch
            {
                EndTransaction();
                throw;
            }
            return 0;
        });
    }

    /// <summary>Writes a whole copy of the open database (its last commit) to a new file at <paramref name="path"/>.</summary>
    public void CopyTo(string path) =>
        Guarded(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "VACUUM INTO $path";
            command.Parameters.AddWithValue("$path", path);
            return command.ExecuteNonQuery();
        });

    /// <summary>Caps the file at <paramref name="pages"/> pages (never below its size), or lifts the cap: a test's way to fill the disk.</summary>
    public void LimitPages(long? pages) => Guarded(() => Run(_connection, $"PRAGMA max_page_count = {pages ?? NoPageLimit}"));

    public long Scalar(string sql) => Guarded(() => Convert.ToInt64(Scalar(_connection, sql)));

    public string Text(string sql) => Guarded(() => Convert.ToString(Scalar(_connection, sql)) ?? "");

    /// <summary>Runs a query and reads each row with <paramref name="read"/>.</summary>
    public void ForEachRow(string sql, Action<SqliteDataReader> read) =>
        Guarded(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read()) read(reader);
            return 0;
        });

    public void Dispose()
    {
        _upsert.Dispose();
        _delete.Dispose();
        _setSerial.Dispose();
        _connection.Dispose();
    }

    /// <summary>Merges the WAL into the file so it is whole on its own; best effort (the WAL is replayed on the next open anyway).</summary>
    public void Checkpoint()
    {
        try
        {
            Run(_connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        catch (SqliteException)
        {
        }
    }

    /// <summary>Rolls back what SQLite still holds open after an error; SQLite may have rolled it back by itself already.</summary>
    private void EndTransaction()
    {
        if (sqlite3_get_autocommit(_connection.Handle) != 0) return;
        try
        {
            Run(_connection, "ROLLBACK");
        }
        catch (SqliteException)
        {
            // The store drops this connection after a failure; closing it ends the transaction too.
        }
    }

    private T Guarded<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SqliteException error)
        {
            throw new StoreFailedException(SqliteDiagnosis.Problem(Path, error, _connection), error);
        }
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Execute(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private static int Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
