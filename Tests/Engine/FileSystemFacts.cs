using System.Diagnostics;

namespace Ikosa.Tests.Engine;

/// <summary>
/// A fact that needs a file the kernel refuses to write even for root, made with <c>chattr +i</c> (the immutable
/// attribute): writes through a handle opened before fail with EPERM, as on a disk remounted read-only. Skipped, with
/// the reason, where chattr is missing, not permitted, or not enforced on open handles by the temp folder's file system.
/// </summary>
public sealed class ImmutableFileFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> s_unavailable = new(FileSystemTools.ImmutableFilesUnavailable);

    public ImmutableFileFactAttribute()
    {
        if (s_unavailable.Value is { } reason) Skip = reason;
    }
}

/// <summary>A fact that mounts a tiny tmpfs (a real disk that fills up); skipped, with the reason, where mounting is not permitted.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> s_unavailable = new(FileSystemTools.TmpfsUnavailable);

    public TmpfsFactAttribute()
    {
        if (s_unavailable.Value is { } reason) Skip = reason;
    }
}

/// <summary>chattr and mount, run as child processes with bounded waits.</summary>
public static class FileSystemTools
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Sets (+i) or clears (-i) the immutable attribute; throws with the tool's message if it fails.</summary>
    public static void Chattr(string flag, params string[] files) => Run("chattr", [flag, .. files]);

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> on <paramref name="folder"/>.</summary>
    public static void MountTmpfs(string folder, long bytes) => Run("mount", ["-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", folder]);

    /// <summary>Unmounts lazily, so a file still open somewhere cannot keep the mount (and the test) hanging.</summary>
    public static void Unmount(string folder) => Run("umount", ["-l", folder]);

    internal static string? ImmutableFilesUnavailable()
    {
        var probe = Path.Combine(Path.GetTempPath(), "ikosa-chattr-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
            try
            {
                Chattr("+i", probe);
            }
            catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return $"chattr +i is not available here ({error.Message}); the read-only tests need it (as root, file modes do not stop writes)";
            }
            try
            {
                stream.Write([1]);
                stream.Flush();
                return $"the file system of {Path.GetTempPath()} does not refuse writes to an immutable file through an open handle";
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                return null; // EPERM
            }
            finally
            {
                Chattr("-i", probe);
            }
        }
        finally
        {
            File.Delete(probe);
        }
    }

    internal static string? TmpfsUnavailable()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ikosa-mount-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            MountTmpfs(folder, 64 * 1024);
            Unmount(folder);
            return null;
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"mounting a tmpfs is not permitted here ({error.Message}); the full-disk tests on a real disk need it (the page-limit ones run everywhere)";
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    private static void Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ToolTimeout))
        {
            process.Kill();
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} did not finish within {ToolTimeout}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result.Trim()}");
    }
}
