using System.Runtime.InteropServices;

namespace Ikosa.Bench.Abuse;

/// <summary>
/// The process's open-file limit (ulimit -n): the attacks hold thousands of sockets, and the host, a child process,
/// inherits the limit. The soft limit is raised to the hard one when it is lower.
/// </summary>
internal static class FileDescriptors
{
    /// <summary>Both ends of 2,000 idle sockets, the other attacks' sockets, and slack.</summary>
    public const long Needed = 6_000;

    private const int RlimitNofile = 7;

    public static (long Soft, long Hard) RaiseSoftLimit()
    {
        if (!OperatingSystem.IsLinux() || getrlimit(RlimitNofile, out var limit) != 0)
            return (long.MaxValue, long.MaxValue);
        if (limit.Current < limit.Maximum)
        {
            var raised = limit with { Current = limit.Maximum };
            if (setrlimit(RlimitNofile, in raised) == 0)
                limit = raised;
        }
        return ((long)Math.Min(limit.Current, long.MaxValue), (long)Math.Min(limit.Maximum, long.MaxValue));
    }

    [StructLayout(LayoutKind.Sequential)]
    private record struct Rlimit(ulong Current, ulong Maximum);

    [DllImport("libc", SetLastError = true)]
    private static extern int getrlimit(int resource, out Rlimit limit);

    [DllImport("libc", SetLastError = true)]
    private static extern int setrlimit(int resource, in Rlimit limit);
}
