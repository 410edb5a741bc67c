using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace Ikosa.Tests.Interop.Hosting;

/// <summary>
/// The real Ikosa host, started as a game master starts it: a child process on a new game file in a folder of its own,
/// on a free loopback port, with known passwords, over TLS when given a certificate. It is killed when disposed.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string ListeningPrefix = "Listening: ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan OutputTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = new();
    private readonly Dictionary<string, Uri> _endpoints = new(StringComparer.Ordinal);

    private HostProcess(Process process, string folder)
    {
        _process = process;
        Folder = folder;
    }

    /// <summary>The folder of the game file; the master's snapshots go to its <c>snapshots</c> subfolder.</summary>
    public string Folder { get; }

    /// <summary>Everything the host printed so far, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>The address the host printed for an endpoint: "login", "game", "visualization" or "master".</summary>
    public Uri Endpoint(string name) => _endpoints.TryGetValue(name, out var address)
        ? address
        : throw new InvalidOperationException($"the host printed no endpoint '{name}'{Environment.NewLine}{Output}");

    /// <summary>
    /// Starts the host on a new game in a new temporary folder and returns once it has printed where it listens.
    /// <paramref name="passwords"/> become <c>--set-password USER=PASSWORD</c>; <paramref name="certificatePfx"/>, when
    /// given, is served with <c>--certificate</c>; with <paramref name="ownCertificate"/> the shipped configuration's
    /// endpoints ask for TLS, which the host serves with a certificate of its own that it makes in the game's folder.
    /// </summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> passwords, string? certificatePfx = null, bool ownCertificate = false)
    {
        var folder = Directory.CreateTempSubdirectory("ikosa-interop-").FullName;
        var arguments = new List<string> { HostDll(), "--data", Path.Combine(folder, "game.db"), "--port", "0" };
        foreach (var (user, password) in passwords)
            arguments.AddRange(["--set-password", $"{user}={password}"]);
        if (certificatePfx is not null)
            arguments.AddRange(["--certificate", certificatePfx]);
        if (ownCertificate)
        {
            var shipped = File.ReadAllText(Path.Combine(Path.GetDirectoryName(HostDll())!, "ikosa.config"));
            var config = Path.Combine(folder, "tls.config");
            File.WriteAllText(config, shipped.Replace("<security mode=\"None\" />", "<security mode=\"Transport\" />", StringComparison.Ordinal));
            arguments.AddRange(["--config", config]);
        }
        var start = new ProcessStartInfo(DotnetHost(), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        var host = new HostProcess(process, folder);
        try
        {
            var ready = host.WaitForOutputAsync("Press Ctrl+C", StartTimeout);
            process.OutputDataReceived += (_, e) => host.Received(e.Data);
            process.ErrorDataReceived += (_, e) => host.Received(e.Data is null ? null : "stderr: " + e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(ready, exited) != ready)
                throw new InvalidOperationException($"the host exited with code {process.ExitCode} before it listened");
            await ready;
            return host;
        }
        catch (Exception error) when (error is TimeoutException or InvalidOperationException)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"the host did not come up: {error.Message}{Environment.NewLine}{host.Output}", error);
        }
    }

    /// <summary>The SHA-256 fingerprint of the TLS certificate the host printed it serves (SHA256:…), as hex.</summary>
    public string CertificateFingerprint
    {
        get
        {
            const string marker = "certificate SHA256:";
            var line = _output.FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"the host printed no certificate{Environment.NewLine}{Output}");
            return line.Substring(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length, 64);
        }
    }

    /// <summary>Completes when the host has printed a line containing <paramref name="text"/> (already, or within the timeout).</summary>
    public Task WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        lock (_awaited)
        {
            if (_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
                return Task.CompletedTask;
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited.Add((text, seen));
            return seen.Task.WaitAsync(timeout ?? OutputTimeout);
        }
    }

    private void Received(string? line)
    {
        if (line is null)
            return;
        lock (_awaited)
        {
            if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                var address = new Uri(line[ListeningPrefix.Length..]);
                _endpoints[address.Segments[^1]] = address;
            }
            _output.Enqueue(line);
            foreach (var awaited in _awaited.Where(a => line.Contains(a.Text, StringComparison.Ordinal)).ToList())
            {
                awaited.Seen.TrySetResult();
                _awaited.Remove(awaited);
            }
        }
    }

    /// <summary>Kills the host (it has nothing to keep) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file the dying host still held: the temporary folder is left to the system.
            }
        }
    }

    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    /// <summary>The host's dll in its own build output (the project file names it; the host is built before the tests).</summary>
    private static string HostDll()
    {
        var path = typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "IkosaHostDll").Value!;
        return File.Exists(path) ? path : throw new InvalidOperationException($"the host is not built at {path}");
    }
}
