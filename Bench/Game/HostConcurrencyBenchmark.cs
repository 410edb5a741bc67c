using System.Diagnostics;
using Ikosa.Bench.Engine;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow;
using Ikosa.Host.Game;
using Ikosa.Host.Security;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Bench.Game;

/// <summary>
/// 1,000 sessions each keep one GetCreature call in flight against the game service, every call waiting for its engine
/// task, with the thread pool left at its defaults: calls/s, p50/p99/max, CPU per call and the pool's threads. Then, in
/// the same run with the same load: the same service with at most 64 calls at once (a throughput knob now, no longer
/// needed to survive), and the baselines, the operation blocking its thread until the engine answers as before the
/// operations became asynchronous (<see cref="BlockingGameService"/>): as the host ran it (thread-pool minimum 64, at
/// most 64 calls at once), then on the default pool. Each load but the last is warmed first; the async load runs first,
/// so it starts from the small default pool; the later ones inherit the threads the pool has grown.
/// </summary>
public sealed class HostConcurrencyBenchmark : IBenchmark
{
    private const int OpenAtOnce = 10; // the binding's MaxConnections: sessions still opening at once
    private const int OldLimit = 64; // the thread-pool minimum Host/Program.cs set, and app.config's maxConcurrentCalls
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5); // the same load, unmeasured: JIT tiers settle

    public string Name => "host-concurrency";

    public string Description => "1,000 concurrent calls waiting on the engine, default thread pool: async operations vs the blocking baselines [calls, seconds]";

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        var calls = args.Count > 0 && int.TryParse(args[0], out var c) ? c : 1000;
        var phase = TimeSpan.FromSeconds(args.Count > 1 && int.TryParse(args[1], out var s) ? s : 5);
        ThreadPool.GetMinThreads(out var defaultMinimum, out var completionThreads);
        Console.WriteLine($"  {calls:N0} sessions, one call each in flight, {phase.TotalSeconds:0} s per load; thread pool minimum {defaultMinimum} (default)");

        PasswordHasher.Iterations = 1_000; // the sample users' first passwords are not what is measured
        var (game, _) = GameHost.Open(new GameHostOptions());
        var host = new ServiceHost(NullLoggerFactory.Instance, new Uri("net.tcp://127.0.0.1:0/"));
        host.AddService(() => new GameService(game)).AddServiceEndpoint(typeof(IGameService), Binding(), "async");
        var capped = host.AddService(() => new GameService(game));
        capped.AddServiceEndpoint(typeof(IGameService), Binding(), "async-64");
        capped.Behavior.MaxConcurrentCalls = OldLimit;
        var throttled = host.AddService(() => new BlockingGameService(game));
        throttled.AddServiceEndpoint(typeof(IBlockingGameService), Binding(), "blocking-64");
        throttled.Behavior.MaxConcurrentCalls = OldLimit;
        host.AddService(() => new BlockingGameService(game)).AddServiceEndpoint(typeof(IBlockingGameService), Binding(), "blocking");
        await host.OpenAsync();
        try
        {
            var tickets = Enumerable.Range(0, calls).Select(i => game.Sessions.Create(Actor.Master($"bench{i}")).Session.Ticket).ToList();
            Uri At(string path) => host.Endpoints.Single(e => e.Address.AbsolutePath.EndsWith("/" + path, StringComparison.Ordinal)).Address;

            var asynchronous = await MeasureAsync(At("async"), tickets, phase, WarmUp);
            Print("async operations, default pool", asynchronous);
            Print($"async, at most {OldLimit} calls at once", await MeasureAsync(At("async-64"), tickets, phase, WarmUp));

            ThreadPool.SetMinThreads(OldLimit, completionThreads);
            var old = await MeasureAsync(At("blocking-64"), tickets, phase, WarmUp);
            ThreadPool.SetMinThreads(defaultMinimum, completionThreads);
            Print($"blocking, as before (min {OldLimit} threads, {OldLimit} calls)", old);

            // Not warmed: it starves; the code it runs was warmed by the load before.
            var blocking = await MeasureAsync(At("blocking"), tickets, phase, TimeSpan.Zero);
            Print("blocking, default pool", blocking);
            Console.WriteLine($"  async on the default pool vs as before: {asynchronous.PerSecond / Math.Max(old.PerSecond, 1):P0} of the calls/s, p99 {Percentile(asynchronous, 99) / Math.Max(Percentile(old, 99), 0.001):P0} of it, " +
                $"{asynchronous.PeakThreads} threads instead of {old.PeakThreads}; blocking on the default pool starves ({blocking.PerSecond:N0} calls/s)");
        }
        finally
        {
            // The calls the last load starved hold a thread each: give the pool enough to finish them, so that shutting
            // down does not wait for it to grow one thread at a time.
            ThreadPool.SetMinThreads(calls + OldLimit, completionThreads);
            host.Abort();
            await game.DisposeAsync();
            ThreadPool.SetMinThreads(defaultMinimum, completionThreads);
        }
    }

    private static NetTcpBinding Binding() => new() { SendTimeout = TimeSpan.FromMinutes(2), ReceiveTimeout = TimeSpan.FromMinutes(10) };

    /// <summary>Opens one channel per ticket, then has each keep one call in flight: unmeasured for <paramref name="warmUp"/>, then for <paramref name="phase"/>.</summary>
    private static async Task<Load> MeasureAsync(Uri address, List<string> tickets, TimeSpan phase, TimeSpan warmUp)
    {
        var factory = new DuplexChannelFactory<IGameService>(new NoCallbacks(), Binding(), new EndpointAddress(address.AbsoluteUri));
        var channels = new List<IGameService>();
        for (var opened = 0; opened < tickets.Count; opened += OpenAtOnce)
        {
            var batch = tickets.Skip(opened).Take(OpenAtOnce).Select(async ticket =>
            {
                var channel = factory.CreateChannel();
                await channel.BindAsync(ticket);
                return channel;
            });
            channels.AddRange(await Task.WhenAll(batch));
        }
        if (warmUp > TimeSpan.Zero)
            await LoadAsync(channels, warmUp);
        var load = await LoadAsync(channels, phase);
        factory.Abort();
        return load;
    }

    /// <summary>Each channel keeps one call in flight for <paramref name="phase"/>; the calls still waiting at its end are waited for too.</summary>
    private static async Task<Load> LoadAsync(List<IGameService> channels, TimeSpan phase)
    {
        var latencies = channels.Select(_ => new List<double>()).ToArray();
        var completedInPhase = 0;
        var threads = new ThreadSampler();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var loops = channels.Select((channel, i) => Task.Run(async () =>
        {
            while (watch.Elapsed < phase)
            {
                var began = Stopwatch.GetTimestamp();
                await channel.GetCreatureAsync(Tordek);
                latencies[i].Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                if (watch.Elapsed <= phase)
                    Interlocked.Increment(ref completedInPhase);
            }
        })).ToList();
        var unfinished = 0;
        try
        {
            await Task.WhenAll(loops).WaitAsync(phase + Drain);
        }
        catch (TimeoutException)
        {
            unfinished = loops.Count(l => !l.IsCompleted);
        }
        var peakThreads = await threads.StopAsync();
        var calls = latencies.Sum(l => l.Count);
        var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / Math.Max(calls, 1);
        return new Load(completedInPhase, phase, [.. latencies.SelectMany(l => l).Order()], peakThreads, unfinished, cpuPerCall);
    }

    private static void Print(string label, Load load) =>
        Console.WriteLine($"  {label,-46} {load.PerSecond,9:N0} calls/s   p50 {Milliseconds(load, 50)}   p99 {Milliseconds(load, 99)}   max {Milliseconds(load, 100)}   " +
            $"CPU {load.CpuMicrosecondsPerCall,5:N0} µs/call   pool threads peak {load.PeakThreads}{(load.Unfinished > 0 ? $"   {load.Unfinished} calls still waiting {Drain.TotalSeconds:0} s after the load" : "")}");

    private static string Milliseconds(Load load, double percentile) =>
        load.LatenciesMs.Count == 0 ? "       - ms" : $"{Percentile(load, percentile),8:N1} ms";

    private static double Percentile(Load load, double p) => BenchEntities.Percentile(load.LatenciesMs, p);

    private sealed record Load(int Calls, TimeSpan Elapsed, List<double> LatenciesMs, int PeakThreads, int Unfinished, double CpuMicrosecondsPerCall)
    {
        public double PerSecond => Calls / Elapsed.TotalSeconds;
    }

    /// <summary>The most thread-pool threads seen, sampled every 50 ms until stopped.</summary>
    private sealed class ThreadSampler
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<int> _sampling;

        public ThreadSampler() => _sampling = Task.Run(async () =>
        {
            var peak = ThreadPool.ThreadCount;
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                    peak = Math.Max(peak, ThreadPool.ThreadCount);
            }
            catch (OperationCanceledException)
            {
            }
            return peak;
        });

        public Task<int> StopAsync()
        {
            _stop.Cancel();
            return _sampling;
        }
    }

    private sealed class NoCallbacks : IGameCallback
    {
        public Task OnSessionEndedAsync(string reason) => Task.CompletedTask;
    }
}
