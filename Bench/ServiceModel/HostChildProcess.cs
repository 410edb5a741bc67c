using System.Diagnostics;

namespace Ikosa.Bench.ServiceModel;

/// <summary>
/// The real Ikosa host (built beside the benchmark) as a child process on a new game in a temporary folder and a free
/// port, so that its CPU time can be read apart from the client's. Killed when disposed.
/// </summary>
public sealed class HostChildProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "Listening: ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _folder;
    private readonly Dictionary<string, Uri> _endpoints = new(StringComparer.Ordinal);

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

    public static async Task<HostChildProcess> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ikosa-bench-").FullName;
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Ikosa.Host.dll");
        var start = new ProcessStartInfo("dotnet", [hostDll, "--data", Path.Combine(folder, "game.db"), "--port", "0"])
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
