using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// The real host executable (built beside the tests) as a child process on a game file and a loopback port, started the
/// way a game master starts it, and killed the way a crash kills it (SIGKILL).
/// </summary>
public sealed class HostProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"net.tcp://localhost:{Port}/ikosa/");

    /// <summary>Everything the host printed, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>
    /// Starts the host and returns once it says it listens; <paramref name="passwords"/> become --set-password USER=PASSWORD,
    /// <paramref name="more"/> are further options (--listen ...).
    /// </summary>
    public static async Task<HostProcess> StartAsync(string dataFile, int port, IReadOnlyDictionary<string, string>? passwords = null, IEnumerable<string>? more = null)
    {
        var arguments = new List<string> { HostDll(), "--data", dataFile, "--port", port.ToString() };
        if (passwords is { Count: > 0 })
            arguments.AddRange(passwords.Select(p => $"--set-password={p.Key}={p.Value}"));
        arguments.AddRange(more ?? []);
        var start = new ProcessStartInfo(DotnetHost(), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        var host = new HostProcess(process, port);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            host._output.Enqueue(e.Data);
            if (e.Data.Contains("Press Ctrl+C", StringComparison.Ordinal))
                ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                host._output.Enqueue("stderr: " + e.Data);
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("the host exited before it listened"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (Exception error) when (error is TimeoutException or InvalidOperationException)
        {
            host.Dispose();
            throw new InvalidOperationException($"the host did not come up: {error.Message}{Environment.NewLine}{host.Output}", error);
        }
        return host;
    }

    /// <summary>Runs the host with <paramref name="arguments"/> until it exits by itself (a failed start, --no-serve).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToExitAsync(IEnumerable<string> arguments,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost(), arguments.Prepend(HostDll()))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Sends the host a signal by name (INT, STOP, CONT...).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString()]) ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>SIGINT, as Ctrl+C in the game master's terminal; returns the exit code once the host has stopped by itself.</summary>
    public async Task<int> InterruptAsync()
    {
        await SignalAsync("INT");
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        // The last lines may still be on their way through the output pipes.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed that was not already durable.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(30_000);
        }
        _process.Dispose();
    }

    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    /// <summary>The host is a project reference of the tests, so its dll, runtimeconfig and ikosa.config sit beside them.</summary>
    internal static string HostDll()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Ikosa.Host.dll");
        Assert.True(File.Exists(path), $"the host is not built at {path}");
        return path;
    }
}
