using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ikosa.Bench.Abuse;

/// <summary>
/// The real host executable as a child process, on a fresh game file in a temporary folder and a free loopback port,
/// with the shipped ikosa.config: what is attacked is what a game master runs (passwords hashed at full strength).
/// Its memory and threads are read from /proc, its console lines are counted.
/// </summary>
internal sealed class AbusedHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly string _folder;
    private readonly ConcurrentQueue<string> _lines = new();
    private int _lineCount;

    private AbusedHost(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"net.tcp://localhost:{Port}/ikosa/");

    public Uri LoginAddress => new(BaseAddress, "login");

    /// <summary>Lines the host has printed so far (its log goes to the console).</summary>
    public int LineCount => Volatile.Read(ref _lineCount);

    /// <summary>The host's last lines, for a failure message or a look at what it logged.</summary>
    public IReadOnlyList<string> LastLines(int count) => _lines.TakeLast(count).ToList();

    public static async Task<AbusedHost> StartAsync(IReadOnlyDictionary<string, string> passwords)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ikosa-host-abuse-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var arguments = new List<string> { Path.Combine(AppContext.BaseDirectory, "Ikosa.Host.dll"), "--data", Path.Combine(folder, "abuse.ikosa"), "--port", port.ToString() };
        arguments.AddRange(passwords.Select(p => $"--set-password={p.Key}={p.Value}"));
        var start = new ProcessStartInfo(DotnetHost(), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["IKOSA_DATA"] = folder;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        var host = new AbusedHost(process, folder, port);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Keep(string? line)
        {
            if (line is null)
                return;
            host._lines.Enqueue(line);
            Interlocked.Increment(ref host._lineCount);
            while (host._lines.Count > 2000 && host._lines.TryDequeue(out _))
            {
            }
            if (line.Contains("Press Ctrl+C", StringComparison.Ordinal))
                ready.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data is null ? null : "stderr: " + e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("the host exited before it listened"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (Exception error) when (error is TimeoutException or InvalidOperationException)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"the host did not come up: {error.Message}{Environment.NewLine}{string.Join(Environment.NewLine, host.LastLines(40))}", error);
        }
        return host;
    }

    /// <summary>The host's resident memory and thread count now, and its peak resident memory so far (VmHWM).</summary>
    public (long Rss, long PeakRss, int Threads) Sample()
    {
        long rss = 0, peak = 0;
        var threads = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    rss = Kilobytes(line) * 1024;
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    peak = Kilobytes(line) * 1024;
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                    threads = int.Parse(line["Threads:".Length..].Trim());
            }
        }
        catch (IOException)
        {
        }
        return (rss, peak, threads);
    }

    /// <summary>The CPU time the host has used so far (user and system, from /proc/PID/stat).</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            // The fields after the command name (which may hold spaces) start after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    private static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    /// <summary>Ctrl+C, as a game master stops the host; true when it exited by itself with code 0.</summary>
    public async Task<(bool Clean, int ExitCode)> InterruptAsync()
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()]))
            await kill!.WaitForExitAsync();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return (_process.ExitCode == 0, _process.ExitCode);
        }
        catch (TimeoutException)
        {
            return (false, -1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
