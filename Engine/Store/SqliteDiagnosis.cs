using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using static SQLitePCL.raw;

namespace Ikosa.Engine.Store;

/// <summary>
/// Names the reason an SQLite call on the game file failed, and asks SQLite two things its .NET wrapper does not
/// expose: the operating system's error number behind an I/O error (so a write refused by a read-only disk is not
/// reported as a broken drive) and whether the open file is still the one at its path.
/// </summary>
internal static class SqliteDiagnosis
{
    // SQLITE_FCNTL_HAS_MOVED: true when the open file was renamed or unlinked since it was opened.
    private const int HasMovedControl = 20;
    private const int ReadOnlyDatabaseMoved = 1032; // SQLITE_READONLY_DBMOVED

    // errno values shared by Linux and macOS.
    private const int NotPermitted = 1, AccessDenied = 13, NoSpace = 28, ReadOnlyFileSystem = 30;
    private const int QuotaExceededLinux = 122;

    public static StoreProblem Problem(string path, SqliteException error, SqliteConnection? connection)
    {
        var errno = SystemErrno(connection);
        var detail = errno == 0 ? error.Message : $"{error.Message} {Marshal.GetPInvokeErrorMessage(errno)}";
        return new StoreProblem(Kind(path, error, errno), path, detail, DiskSpace.FreeBytes(path));
    }

    private static StoreProblemKind Kind(string path, SqliteException error, int errno)
    {
        var code = error.SqliteErrorCode;
        if (code == SQLITE_FULL) return StoreProblemKind.DiskFull;
        if (code == SQLITE_READONLY)
            return error.SqliteExtendedErrorCode == ReadOnlyDatabaseMoved ? StoreProblemKind.Moved : StoreProblemKind.ReadOnly;
        if (code is SQLITE_BUSY or SQLITE_LOCKED) return StoreProblemKind.Locked;
        if (code is SQLITE_CORRUPT or SQLITE_NOTADB) return StoreProblemKind.Changed;
        if (code is SQLITE_IOERR or SQLITE_CANTOPEN)
        {
            if (errno == NoSpace || (errno == QuotaExceededLinux && OperatingSystem.IsLinux())) return StoreProblemKind.DiskFull;
            if (errno is ReadOnlyFileSystem or NotPermitted or AccessDenied) return StoreProblemKind.ReadOnly;
            if (code == SQLITE_CANTOPEN && !File.Exists(path)) return StoreProblemKind.Moved;
        }
        return StoreProblemKind.DiskError;
    }

    /// <summary>True when the file <paramref name="connection"/> has open is no longer the one at its path.</summary>
    public static bool HasMoved(SqliteConnection connection)
    {
        var moved = 0;
        try
        {
            return sqlite3_file_control(connection.Handle!.DangerousGetHandle(), "main", HasMovedControl, ref moved) == SQLITE_OK && moved != 0;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return !File.Exists(connection.DataSource); // a cruder check where the native call is not available
        }
    }

    /// <summary>The errno of the connection's last I/O error (0 if unknown, or on Windows where the numbers differ).</summary>
    private static int SystemErrno(SqliteConnection? connection)
    {
        if (connection?.Handle is not { } handle || OperatingSystem.IsWindows()) return 0;
        try
        {
            return sqlite3_system_errno(handle.DangerousGetHandle());
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    // The native library SQLitePCLRaw's bundle loads; these two functions are not in its managed API.
    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_file_control(IntPtr db, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int op, ref int arg);

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_system_errno(IntPtr db);
}
