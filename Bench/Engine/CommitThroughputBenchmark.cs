using System.Diagnostics;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;
using Ikosa.Engine.Tasks;
using Ikosa.Engine.Transactions;

namespace Ikosa.Bench.Engine;

/// <summary>Durable write commits per second and commit latency, SQLite synced vs not synced vs memory.</summary>
public sealed class CommitThroughputBenchmark : IBenchmark
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(4);

    public string Name => "engine-commit";

    public string Description => "durable write commits/s and latency p50/p99 (target >= 5,000/s); baselines: SQLite without fsync, in-memory store";

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "ikosa-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await RunGrouped("SQLite, fsync, group commit, 128 sessions", () => new SqliteStore(Path.Combine(dir, "group.ikosa"), BenchEntities.Registry()), sessions: 128);
            Run("SQLite, fsync every commit, 1 writer", () => new SqliteStore(Path.Combine(dir, "full.ikosa"), BenchEntities.Registry()), isTarget: false);
            Run("SQLite, no fsync (survives process crash only)", () => new SqliteStore(Path.Combine(dir, "normal.ikosa"), BenchEntities.Registry(),
                new SqliteStoreOptions { SyncEveryCommit = false }), isTarget: false);
            Run("in-memory store (baseline, not durable)", () => new InMemoryStore(), isTarget: false);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Many sessions each submitting writes one after another through the task service (group commit).</summary>
    private static async Task RunGrouped(string label, Func<IModelStore> open, int sessions)
    {
        using var store = open();
        using var gate = new ModelGate(BenchEntities.Registry(), store, new GateOptions { Budget = Timeout.InfiniteTimeSpan });
        await using var tasks = new TaskService(gate);
        var latencies = new List<double>[sessions];
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, sessions).Select(async s =>
        {
            var mine = latencies[s] = new List<double>();
            var id = EntityId.New();
            for (var i = 0; watch.Elapsed < Duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var value = i;
                await tasks.Submit("session-" + s, TransactionMode.Write, tx => tx.Put(new BenchCreature(id, "orc", value)));
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).OrderBy(x => x).ToList();
        var rate = all.Count / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"  {label,-48} {rate,10:N0} commits/s   p50 {BenchEntities.Percentile(all, 50),7:0.000} ms   p99 {BenchEntities.Percentile(all, 99),7:0.000} ms   target 5,000/s: {(rate >= 5000 ? "reached" : "NOT reached")}");
        var holds = gate.Metrics.Snapshot().Writes.Count;
        Console.WriteLine($"  {"",-48} {gate.Serial:N0} commits in {holds:N0} syncs (avg group {(double)gate.Serial / holds:0.0}); each durable before lock release and notification");
    }

    private static void Run(string label, Func<IModelStore> open, bool isTarget)
    {
        using var store = open();
        using var gate = new ModelGate(BenchEntities.Registry(), store, new GateOptions { Budget = Timeout.InfiniteTimeSpan });
        var ids = Enumerable.Range(0, 100).Select(_ => EntityId.New()).ToArray();
        var latencies = new List<double>();
        var watch = Stopwatch.StartNew();
        var n = 0;
        while (watch.Elapsed < Duration)
        {
            var i = n++;
            var started = Stopwatch.GetTimestamp();
            gate.Write(tx => tx.Put(new BenchCreature(ids[i % ids.Length], "orc", i)));
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var rate = n / watch.Elapsed.TotalSeconds;
        latencies.Sort();
        var verdict = isTarget ? $"   target 5,000/s: {(rate >= 5000 ? "reached" : "NOT reached")}" : "";
        Console.WriteLine($"  {label,-48} {rate,10:N0} commits/s   p50 {BenchEntities.Percentile(latencies, 50),7:0.000} ms   p99 {BenchEntities.Percentile(latencies, 99),7:0.000} ms{verdict}");
    }
}
