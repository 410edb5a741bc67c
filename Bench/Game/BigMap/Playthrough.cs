using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;
using Ikosa.Client.Library;
using Ikosa.Contracts;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Transactions;
using Ikosa.Host.Services;
using Ikosa.Host.Sessions;
using Ikosa.ServiceModel;

namespace Ikosa.Bench.Game.BigMap;

/// <summary>
/// Plays a <see cref="Scenario"/> over loopback net.tcp: the host on a SQLite file, 8 players and the game master logged
/// in with the client library. Its walkers take turns to move two squares, one move at a time; every client a move's
/// batch reaches reads it, and each player re-reads their character's view, as a client showing the map does (with the
/// whole GetView, or as the client library's <see cref="ViewReader"/> does, through GetViewUpdate: cells only when they
/// changed). Measures
/// each commit's time to the last of the clients it concerns, the views' call times, and the host's memory.
/// </summary>
internal static class Playthrough
{
    private const int Squares = 2;
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan JitWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MoveTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long the warm-up played, and what the JIT compiled while the moves were measured.</summary>
    public sealed record JitWork(TimeSpan WarmUp, TimeSpan Compiling);

    public sealed record Figures(
        string Label,
        int Creatures,
        List<double> Delivery,
        List<double> Views,
        List<double> QuietViews,
        List<double> NoOp,
        List<double> HostView,
        (double Visible, double Remembered, double Creatures) ViewSize,
        string MasterView,
        List<double> Moves,
        double ClientsPerMove,
        int Missing,
        JitWork Jit,
        long HeapLoaded,
        long HeapAfter,
        long WorkingSetLoaded,
        long WorkingSetAfter);

    /// <summary>How many moves, taken in turn, take every walker of <paramref name="scenario"/> once round its route.</summary>
    private static int MovesForALap(Scenario scenario) =>
        scenario.Walkers.Max(w => (w.Route.Count + Squares - 1) / Squares) * scenario.Walkers.Count;

    public static async Task<Figures> RunAsync(Scenario scenario, int moves, bool updates)
    {
        var heapBefore = Heap();
        await using var bench = await BenchGame.StartAsync(scenario.Campaign, scenario.Seats);
        await bench.LoginAllAsync();
        var master = await bench.LoginMasterAsync();
        var heapLoaded = Heap() - heapBefore;
        var workingSetLoaded = Environment.WorkingSet;
        var creatures = bench.Game.Engine.Gate.Read(tx => tx.All<Ikosa.Engine.Rules.Creatures.Creature>().Count());

        var log = new CommitLog();
        bench.Game.Engine.Gate.AddListener(log);
        var progress = new Progress();
        var watchers = bench.Clients.Select((client, i) => new ClientWatch(client, bench.Characters[i], progress, updates)).ToList();
        watchers.Add(new ClientWatch(master, null, progress, updates));
        var byUser = bench.Players.Select((user, i) => (user, i)).Append(("gm", watchers.Count - 1)).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.OrdinalIgnoreCase);

        var delivery = new List<double>();
        var moveTimes = new List<double>();
        var clientsPerMove = 0;
        var missing = 0;
        var steps = scenario.Walkers.Select(_ => 0).ToArray();
        var played = 0;

        async Task MoveAsync(bool measured)
        {
            var which = played++ % scenario.Walkers.Count;
            var walker = scenario.Walkers[which];
            var path = Enumerable.Range(1, Squares).Select(k => walker.Route[(steps[which] + k) % walker.Route.Count]).ToList();
            steps[which] = (steps[which] + Squares) % walker.Route.Count;
            var client = walker.Seat == Scenario.Walker.ByMaster ? master : bench.Clients[walker.Seat];
            var began = Stopwatch.GetTimestamp();
            var result = await client.Game.DoActionAsync(new ActivityInfo
            {
                Creature = walker.Creature,
                ActionKey = "move",
                Targets = [new TargetInfo { Key = "path", Cells = [.. path.Select(c => new PointInfo { X = c.X, Y = c.Y })] }],
            });
            var moved = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
            if (!result.Accepted)
                throw new InvalidOperationException($"move {played} of {scenario.Label} was refused: {result.Error}");
            var serial = result.Serial;
            var (committedAt, recipients) = log.Get(serial);
            var concerned = recipients.Where(byUser.ContainsKey).Select(u => watchers[byUser[u]]).ToList();
            var arrived = await progress.UntilAsync(() => concerned.All(w => w.IsDone(serial)), MoveTimeout);
            if (!measured) return;
            moveTimes.Add(moved);
            clientsPerMove += concerned.Count;
            if (!arrived)
            {
                missing++;
                return;
            }
            delivery.Add(concerned.Max(w => Stopwatch.GetElapsedTime(committedAt, w.ReceivedAt(serial)).TotalMilliseconds));
        }

        var warmUp = await WarmUpAsync(async () =>
        {
            for (var i = 0; i < MovesForALap(scenario); i++)
                await MoveAsync(measured: false);
        });
        foreach (var w in watchers) w.Views.Clear();
        var jitAtStart = JitInfo.GetCompilationTime();
        for (var i = 0; i < moves; i++)
            await MoveAsync(measured: true);
        var jit = new JitWork(warmUp, JitInfo.GetCompilationTime() - jitAtStart);
        var views = watchers.SelectMany(w => w.Views).ToList();

        var quiet = await OneAtATimeAsync(bench.Clients.Count, c => bench.Clients[c].Visualization.GetViewAsync(bench.Characters[c]));
        var noop = await OneAtATimeAsync(bench.Clients.Count, c => bench.Clients[c].Game.GetSerialAsync());
        var hostView = await HostViewAsync(bench);
        var sizes = await ViewSizesAsync(bench);
        var heapAfter = Heap() - heapBefore;
        var workingSetAfter = Environment.WorkingSet;
        var masterView = await MasterViewAsync(master);
        delivery.Sort();
        views.Sort();
        moveTimes.Sort();
        return new Figures(scenario.Label, creatures, delivery, views, quiet, noop, hostView, sizes, masterView, moveTimes, (double)clientsPerMove / Math.Max(1, moves), missing, jit,
            heapLoaded, heapAfter, workingSetLoaded, workingSetAfter);
    }

    /// <summary>
    /// Plays laps of every route until the runtime has stopped compiling (its JIT work under 2% of the last second of
    /// play, within <see cref="MaxWarmUp"/>); returns how long that took. What is measured after it is a host that has been
    /// running a while, not one whose code the JIT is still optimising in the background on the same two cores (that
    /// made moves about 3 times slower).
    /// </summary>
    private static async Task<TimeSpan> WarmUpAsync(Func<Task> playALap)
    {
        var began = Stopwatch.GetTimestamp();
        var (windowJit, windowBegan) = (JitInfo.GetCompilationTime(), began);
        while (Stopwatch.GetElapsedTime(began) < MaxWarmUp)
        {
            await playALap();
            var window = Stopwatch.GetElapsedTime(windowBegan);
            if (window < JitWindow)
                continue;
            if (JitInfo.GetCompilationTime() - windowJit < window * 0.02)
                break;
            (windowJit, windowBegan) = (JitInfo.GetCompilationTime(), Stopwatch.GetTimestamp());
        }
        return Stopwatch.GetElapsedTime(began);
    }

    /// <summary>Calls made one after another, round the clients: each call's own time, without the others queueing beside it.</summary>
    private static async Task<List<double>> OneAtATimeAsync(int clients, Func<int, Task> call)
    {
        var latencies = new List<double>();
        for (var i = 0; i < 25 * clients; i++)
        {
            var began = Stopwatch.GetTimestamp();
            await call(i % clients).ConfigureAwait(false);
            latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
        latencies.Sort();
        return latencies;
    }

    /// <summary>
    /// The host's own work for a view after a commit it does not concern (so the whole-view cache cannot answer), with no
    /// wire: a commit that tells nobody, then the visualization service called in-process for each character in turn.
    /// </summary>
    private static async Task<List<double>> HostViewAsync(BenchGame bench)
    {
        var services = new List<VisualizationService>();
        for (var c = 0; c < bench.Clients.Count; c++)
        {
            var service = new VisualizationService(bench.Game);
            await service.BindAsync(bench.Clients[c].Ticket!.Ticket);
            services.Add(service);
        }
        var times = new List<double>();
        for (var i = 0; i < 25 * services.Count; i++)
        {
            bench.Game.Engine.Gate.Write(tx => tx.Notify("bench.nobody", new SystemEvent("bench")));
            var began = Stopwatch.GetTimestamp();
            await services[i % services.Count].GetViewAsync(bench.Characters[i % services.Count]);
            times.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    /// <summary>
    /// The master's whole-map view, once, through the master's client as the library makes it (last: a reply bigger than
    /// the client accepts faults its channel).
    /// </summary>
    private static async Task<string> MasterViewAsync(IkosaClient master)
    {
        var began = Stopwatch.GetTimestamp();
        try
        {
            var view = await master.Visualization.GetMasterViewAsync();
            return $"{Stopwatch.GetElapsedTime(began).TotalMilliseconds:0.0} ms, {view.Visible.Count:N0} cells, {CellListCodec.Encode(view.Visible).Length / 1024.0:N0} KB of packed cells";
        }
        catch (Exception error) when (error is CommunicationException or TimeoutException)
        {
            return $"failed after {Stopwatch.GetElapsedTime(began).TotalMilliseconds:0} ms: {error.GetType().Name}: {error.Message.Split('.')[0]}";
        }
    }

    /// <summary>The characters' views as the wire carries them: cells seen, cells remembered, creatures seen (averages).</summary>
    private static async Task<(double Visible, double Remembered, double Creatures)> ViewSizesAsync(BenchGame bench)
    {
        var views = new List<ViewInfo>();
        for (var c = 0; c < bench.Clients.Count; c++)
            views.Add(await bench.Clients[c].Visualization.GetViewAsync(bench.Characters[c]));
        return (views.Average(v => v.Visible.Count), views.Average(v => v.Remembered.Count), views.Average(v => v.Creatures.Count));
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>When each commit happened (its listener call: durable, lock released) and who it notified.</summary>
    private sealed class CommitLog : ICommitListener
    {
        private readonly ConcurrentDictionary<long, (long At, string[] Recipients)> _commits = new();

        public void OnCommitted(CommittedTransaction commit) =>
            _commits[commit.Serial] = (Stopwatch.GetTimestamp(), [.. commit.Notifications.Keys]);

        public (long At, string[] Recipients) Get(long serial) =>
            _commits.TryGetValue(serial, out var commit) ? commit : throw new InvalidOperationException($"commit {serial} was not seen");
    }

    /// <summary>One client: when its batches arrived and, for a player, its view re-read after each (one read at a time).</summary>
    private sealed class ClientWatch
    {
        private readonly IkosaClient _client;
        private readonly Guid? _character;
        private readonly Progress _progress;
        private readonly bool _updates;
        private readonly SemaphoreSlim _oneRead = new(1, 1);
        private readonly List<(long Serial, long At)> _received = new();
        private long _viewed;

        public ClientWatch(IkosaClient client, Guid? character, Progress progress, bool updates)
        {
            _updates = updates;
            _client = client;
            _character = character;
            _progress = progress;
            client.BatchReceived += OnBatch;
        }

        /// <summary>Call times of the view reads, in milliseconds.</summary>
        public ConcurrentBag<double> Views { get; } = new();

        public bool IsDone(long serial)
        {
            lock (_received)
                return _received.Count > 0 && _received[^1].Serial >= serial && (_character is null || _viewed >= serial);
        }

        /// <summary>When the first batch covering <paramref name="serial"/> arrived (batches may be coalesced).</summary>
        public long ReceivedAt(long serial)
        {
            lock (_received)
                return _received.First(r => r.Serial >= serial).At;
        }

        private void OnBatch(BatchInfo batch)
        {
            lock (_received)
                _received.Add((batch.Serial, Stopwatch.GetTimestamp()));
            if (_character is { } character)
                _ = ReadViewAsync(character, batch.Serial);
            _progress.Changed();
        }

        private async Task ReadViewAsync(Guid character, long serial)
        {
            await _oneRead.WaitAsync().ConfigureAwait(false);
            try
            {
                var began = Stopwatch.GetTimestamp();
                await (_updates ? _client.Views.OfAsync(character) : _client.Visualization.GetViewAsync(character)).ConfigureAwait(false);
                Views.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                lock (_received)
                    _viewed = Math.Max(_viewed, serial);
            }
            catch (Exception error)
            {
                Console.WriteLine($"  a view read failed: {error.Message}");
            }
            finally
            {
                _oneRead.Release();
                _progress.Changed();
            }
        }
    }

    /// <summary>Wakes whoever waits for a condition on the clients when any of them moves on.</summary>
    private sealed class Progress
    {
        private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> _waiters = new();

        public void Changed()
        {
            lock (_waiters)
            {
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (!_waiters[i].Done()) continue;
                    _waiters[i].Signal.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }

        /// <summary>True once <paramref name="done"/> holds; false when <paramref name="timeout"/> passed first.</summary>
        public async Task<bool> UntilAsync(Func<bool> done, TimeSpan timeout)
        {
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waiters)
            {
                if (done()) return true;
                _waiters.Add((done, signal));
            }
            try
            {
                await signal.Task.WaitAsync(timeout).ConfigureAwait(false);
                return true;
            }
            catch (TimeoutException)
            {
                lock (_waiters) _waiters.RemoveAll(w => w.Signal == signal);
                return false;
            }
        }
    }
}
