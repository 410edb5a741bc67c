using Ikosa.Bench.ServiceModel;
using System.Diagnostics;

namespace Ikosa.Bench.Abuse;

/// <summary>
/// Issue 19's attacks on the real host process (its shipped configuration), each from a loopback address of its own,
/// while a legit player logs in and out from 127.0.0.1. Prints, per attack, the login latency against the quiet
/// baseline of the same run, the host's peak memory and threads, what the attackers met and how much the host logged;
/// then whether each target was reached.
/// </summary>
public sealed class HostAbuseBenchmark : IBenchmark
{
    private static readonly TimeSpan LoginTarget = TimeSpan.FromSeconds(2);
    private const long MemoryTarget = 300L * 1024 * 1024;
    private static readonly TimeSpan KickTarget = TimeSpan.FromSeconds(1);

    /// <summary>How long an attack runs before the legit logins start, so that it is in full swing.</summary>
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(12);

    private static readonly Dictionary<string, string> Passwords = new()
    {
        ["gm"] = "gm-abuse-secret",
        ["legit"] = "legit-abuse-secret",
        ["victim"] = "victim-abuse-secret",
    };

    public string Name => "host-abuse";

    public string Description => "legit login latency, host memory and threads under issue 19's attacks on the real host process; a kick of a stopped reader [--log: print what the host logged in each phase]";

    private bool _showLog;

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        _showLog = args.Contains("--log");
        var descriptors = FileDescriptors.RaiseSoftLimit();
        Console.WriteLine($"  file descriptors: soft limit {descriptors.Soft:N0} (hard {descriptors.Hard:N0}); the attacks need ~{FileDescriptors.Needed:N0} (both ends of 2,000 idle sockets)");
        if (descriptors.Soft < FileDescriptors.Needed)
        {
            Console.WriteLine($"  NOT run: raise the limit (ulimit -n {FileDescriptors.Needed}) and run again");
            return;
        }
        await using var host = await HostChildProcess.StartAsync(Passwords);
        Console.WriteLine($"  host: a child process on port {host.Port()}, shipped ikosa.config, passwords hashed at full strength");
        var player = new LegitPlayer(host.BaseAddress(), "legit", Passwords["legit"]);
        await player.LoginOnceAsync(); // warm both ends up

        var results = new List<PhaseResult>
        {
            await PhaseAsync(host, player, "quiet baseline", TimeSpan.Zero, (_, _) => Task.CompletedTask),
            await PhaseAsync(host, player, "2,000 idle sockets", Warmup, (c, stop) => Attacks.IdleSocketsAsync(host, 2_000, c, stop)),
            await PhaseAsync(host, player, "100 reconnecting idle sockets", Warmup, (c, stop) => Attacks.ReconnectingIdleSocketsAsync(host, 100, c, stop)),
            await PhaseAsync(host, player, "slowloris x300, reconnecting", Warmup, (c, stop) => Attacks.SlowlorisAsync(host, 300, c, stop)),
            await PhaseAsync(host, player, "400 silent sessions", Warmup, (c, stop) => Attacks.SilentSessionsAsync(host, 400, c, stop)),
            await PhaseAsync(host, player, "reconnect storm 3x200", TimeSpan.Zero, (c, stop) => Attacks.StormAsync(host, 3, 200, TimeSpan.FromSeconds(4), c, stop)),
        };
        var stoppedReader = new StoppedReader(host, Passwords);
        (TimeSpan Flood, TimeSpan? Kick, string Outcome) kick = default;
        results.Add(await PhaseAsync(host, player, "stopped reader kicked", TimeSpan.Zero, async (_, _) => kick = await stoppedReader.RunAsync()));

        var baseline = results[0];
        Console.WriteLine();
        Console.WriteLine($"  {"attack",-32} {"logins",6} {"p50",6} {"p99",6} {"p99/quiet",9} {"failed",6} {"peak RSS",9} {"threads",7} {"log lines",9} {"host CPU",8} {"bench CPU",9} {"load",5}");
        foreach (var result in results)
            Console.WriteLine($"  {result.Name,-32} {result.Logins.Count,6} {Seconds(result.P50),6} {Seconds(result.P99),6} {Ratio(result.P99, baseline.P99),9} {result.Failed,6} {result.PeakRss / 1048576.0,6:N0} MB {result.PeakThreads,7} {result.LogLines,9} {result.HostCpu,8:P0} {result.AttackerCpu,9:P0} {result.Load,5:N1}");
        Console.WriteLine("  (p50/p99 in seconds; CPU as a share of one core; bench CPU is the attackers' and the legit player's; load is the machine's, other work included)");
        Console.WriteLine();
        foreach (var result in results.Where(r => r.Counters is not null))
            Console.WriteLine($"  {result.Name}: {result.Counters}");
        Console.WriteLine($"  stopped reader: {StoppedReader.Lines:N0} chat lines (~6 MB) sent in {kick.Flood.TotalSeconds:N1} s; kick {kick.Outcome} in {(kick.Kick is { } k ? $"{k.TotalMilliseconds:N0} ms" : "-")}");

        var (_, peakRss, _) = host.Sample();
        var exitCode = await host.InterruptAsync();
        var clean = exitCode == 0;
        Console.WriteLine($"  host stopped with Ctrl+C: {(exitCode is { } code ? $"exit code {code}" : "did not stop within a minute")}{(clean ? "" : " (NOT clean); its last lines:")}");
        if (!clean)
            foreach (var line in host.LastLines(15))
                Console.WriteLine("    | " + line);
        Console.WriteLine();
        var worst = results.Skip(1).MaxBy(r => r.Failed > 0 ? TimeSpan.MaxValue : r.P99)!;
        Console.WriteLine($"  legit login p99 during every attack (worst: {worst.Name}): {Seconds(worst.P99)} s{(worst.Failed > 0 ? $", {worst.Failed} failed" : "")} (target <= {LoginTarget.TotalSeconds:N0} s): {Reached(results.Skip(1).All(r => r.Failed == 0 && r.P99 <= LoginTarget))}");
        Console.WriteLine($"  host peak memory (VmHWM): {peakRss / 1048576.0:N0} MB (target < {MemoryTarget / 1048576} MB): {Reached(peakRss < MemoryTarget)}");
        Console.WriteLine($"  kick of a stopped reader: {(kick.Kick is { } kicked ? $"{kicked.TotalMilliseconds:N0} ms" : "did not return")} (target < {KickTarget.TotalMilliseconds:N0} ms): {Reached(kick.Kick is { } t && t < KickTarget)}");
        Console.WriteLine($"  reconnect storm: {results.Single(r => r.Name.StartsWith("reconnect storm", StringComparison.Ordinal)).Counters!.TooBusy} ServerTooBusy of 600 connects (target 0)");
    }

    private async Task<PhaseResult> PhaseAsync(HostChildProcess host, LegitPlayer player, string name, TimeSpan warmup,
        Func<AttackCounters, CancellationToken, Task> attack)
    {
        Console.WriteLine($"  {name}...");
        var counters = new AttackCounters();
        using var stop = new CancellationTokenSource();
        var linesBefore = host.LineCount;
        var hostCpuBefore = host.ProcessorTime;
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var phase = Stopwatch.StartNew();
        long peakRss = 0;
        var peakThreads = 0;
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var (rss, _, threads) = host.Sample();
                peakRss = Math.Max(peakRss, rss);
                peakThreads = Math.Max(peakThreads, threads);
                await Task.Delay(100);
            }
        });
        var attacking = Task.Run(() => attack(counters, stop.Token));
        await Task.Delay(warmup);
        var logins = await player.LoginRepeatedlyAsync(Measure);
        if (name == "stopped reader kicked")
            await attacking.WaitAsync(TimeSpan.FromMinutes(3)); // the kick is the measurement: wait for it
        stop.Cancel();
        try
        {
            await attacking.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception error) when (error is TimeoutException or OperationCanceledException)
        {
            Console.WriteLine($"    the attack did not stop in time: {error.Message}");
        }
        await sampling;
        var seconds = phase.Elapsed.TotalSeconds;
        if (_showLog)
            foreach (var line in host.LastLines(Math.Min(host.LineCount - linesBefore, 20)))
                Console.WriteLine("    | " + line);
        var hostCpu = (host.ProcessorTime - hostCpuBefore).TotalSeconds / seconds;
        var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalSeconds / seconds;
        var times = logins.Where(t => t is not null).Select(t => t!.Value).Order().ToList();
        return new PhaseResult(name, times, logins.Count(t => t is null), peakRss, peakThreads, host.LineCount - linesBefore,
            counters.Connects > 0 ? counters : null, hostCpu, ownCpu, LoadAverage());
    }

    private static string Seconds(TimeSpan time) => time == TimeSpan.MaxValue ? "-" : $"{time.TotalSeconds:N2}";

    private static string Ratio(TimeSpan value, TimeSpan baseline) =>
        value == TimeSpan.MaxValue || baseline <= TimeSpan.Zero ? "-" : $"{value / baseline:N1}x";

    private static string Reached(bool reached) => reached ? "REACHED" : "NOT reached";

    /// <summary>The machine's one-minute load average: other work on the machine (other builds) shows here.</summary>
    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    private sealed record PhaseResult(string Name, List<TimeSpan> Logins, int Failed, long PeakRss, int PeakThreads, int LogLines,
        AttackCounters? Counters, double HostCpu, double AttackerCpu, double Load)
    {
        public TimeSpan P50 => Percentile(0.50);

        public TimeSpan P99 => Percentile(0.99);

        private TimeSpan Percentile(double p) => Logins.Count == 0 ? TimeSpan.MaxValue : Logins[Math.Min(Logins.Count - 1, (int)Math.Ceiling(p * Logins.Count) - 1)];
    }
}
