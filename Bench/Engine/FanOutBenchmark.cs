using System.Diagnostics;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Store;

namespace Ikosa.Bench.Engine;

/// <summary>Time from a commit to the last of N in-process recipients receiving its batch.</summary>
public sealed class FanOutBenchmark : IBenchmark
{
    private const int Commits = 1000;

    public string Name => "engine-fanout";

    public string Description => "commit to last of 1,000 recipients receiving its batch, p50/p99 (target p99 <= 10 ms); baseline: 1 recipient";

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        await Run(1, new NotificationOptions(), "", isTarget: false);
        await Run(1000, new NotificationOptions(), "", isTarget: true);
        // The resume window keeps recent commits alive, which is what the collector has to copy.
        await Run(1000, new NotificationOptions { HistoryCommits = 64 }, " (resume window 64 commits)", isTarget: false);
        await Run(1000, new NotificationOptions { HistoryCommits = 0 }, " (no resume window)", isTarget: false);
    }

    private static async Task Run(int recipients, NotificationOptions options, string variant, bool isTarget)
    {
        using var gate = new ModelGate(BenchEntities.Registry(), new InMemoryStore(), new GateOptions { Budget = Timeout.InfiniteTimeSpan });
        var dispatcher = new NotificationDispatcher(gate.Serial, options);
        gate.AddListener(dispatcher);
        var names = Enumerable.Range(0, recipients).Select(i => "player-" + i).ToArray();
        var counter = new ArrivalCounter(recipients);
        foreach (var name in names) dispatcher.Connect(name, counter);

        var latencies = new List<double>();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        for (var c = 0; c < Commits + 20; c++)
        {
            var all = counter.Expect();
            var started = Stopwatch.GetTimestamp();
            var serial = c;
            gate.Write(tx => tx.Notify(names, new BenchPing(serial)));
            if (!await all.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(t => t.IsCompletedSuccessfully))
                throw new TimeoutException("not every recipient got its batch");
            if (c >= 20) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); // first 20 warm up
        }
        latencies.Sort();
        var p99 = BenchEntities.Percentile(latencies, 99);
        var verdict = isTarget ? $"   target p99 <= 10 ms: {(p99 <= 10 ? "reached" : "NOT reached")}" : "";
        Console.WriteLine($"  {recipients,5} recipient(s){variant}: p50 {BenchEntities.Percentile(latencies, 50),7:0.000} ms   p99 {p99,7:0.000} ms   max {latencies[^1],7:0.000} ms{verdict}");
        Console.WriteLine($"  {"",5}   GCs during the run (gen0/1/2): {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}");
    }

    /// <summary>One in-process connection object shared by every recipient: counts arrivals of the current commit.</summary>
    private sealed class ArrivalCounter(int recipients) : IRecipientConnection
    {
        private int _left;
        private TaskCompletionSource _all = new();

        public Task Expect()
        {
            _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _left, recipients);
            return _all.Task;
        }

        public ValueTask SendAsync(NotificationBatch batch)
        {
            if (Interlocked.Decrement(ref _left) == 0) _all.TrySetResult();
            return ValueTask.CompletedTask;
        }

        public void Disconnect(string reason) => _all.TrySetException(new InvalidOperationException(reason));
    }
}
