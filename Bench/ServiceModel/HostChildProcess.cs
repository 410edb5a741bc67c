using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ikosa.Bench.ServiceModel;

/// <summary>
/// The real Ikosa host (built beside the benchmark) as a child process on a new game in a temporary folder and a free
/// port, so that its CPU time, memory and threads can be read apart from the client's, and what it prints counted.
/// Killed when disposed, or stopped with Ctrl+C (<see cref="InterruptAsync"/>).
/// </summary>
public sealed class HostChildProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "Listening: ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _folder;
    private readonly Dictionary<string, Uri> _endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _lines = new();
    private int _lineCount;

    private HostChildProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>The host's CPU time so far (user + system, all its threads).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The address the host printed for an endpoint: "login", "game", "visualization" or "master".</summary>
    public Uri Endpoint(string name) => _endpoints[name];

    /// <summary>Lines the host has printed on its standard output so far (its log goes there).</summary>
    public int LineCount => Volatile.Read(ref _lineCount);

    /// <summary>The host's last lines (at most the last 2,000 are kept).</summary>
    public IReadOnlyList<string> LastLines(int count) => _lines.TakeLast(count).ToList();

    /// <summary>The host's resident memory and thread count now, and its peak resident memory so far (VmHWM), from /proc.</summary>
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

    private static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    /// <summary>Ctrl+C (SIGINT), as a game master stops the host; the exit code once it stopped by itself, or null after a minute.</summary>
    public async Task<int?> InterruptAsync()
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()]))
            await kill!.WaitForExitAsync();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Starts the host; <paramref name="passwords"/> become --set-password USER=PASSWORD (a new name makes a player).</summary>
    public static async Task<HostChildProcess> StartAsync(IReadOnlyDictionary<string, string>? passwords = null)
    {
        var folder = Directory.CreateTempSubdirectory("ikosa-bench-").FullName;
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Ikosa.Host.dll");
        var arguments = new List<string> { hostDll, "--data", Path.Combine(folder, "game.db"), "--port", "0" };
        arguments.AddRange((passwords ?? new Dictionary<string, string>()).Select(p => $"--set-password={p.Key}={p.Value}"));
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        var host = new HostChildProcess(process, folder);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            // Read to the end, so the host never blocks on a full pipe while it is measured.
            if (e.Data is not { } line)
                return;
            host._lines.Enqueue(line);
            Interlocked.Increment(ref host._lineCount);
            while (host._lines.Count > 2000 && host._lines.TryDequeue(out var dropped))
            {
            }
            if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                var address = new Uri(line[ListeningPrefix.Length..]);
                lock (host._endpoints)
                    host._endpoints[address.Segments[^1]] = address;
            }
            else if (line.Contains("Press Ctrl+C", StringComparison.Ordinal))
                listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  host: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (await Task.WhenAny(listening.Task, process.WaitForExitAsync()).WaitAsync(StartTimeout) != listening.Task)
                throw new InvalidOperationException($"the host exited with code {process.ExitCode} before it listened");
        }
        catch (Exception)
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
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
}
