using System.Diagnostics;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;

namespace Ikosa.Bench.Engine;

/// <summary>Durable write commits per second and commit latency, SQLite synced vs not synced vs memory.</summary>
public sealed class CommitThroughputBenchmark : IBenchmark
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(4);

    public string Name => "engine-commit";

    public string Description => "durable write commits/s and latency p50/p99 (target >= 5,000/s); baselines: SQLite without fsync, in-memory store";

    public Task RunAsync(IReadOnlyList<string> args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "ikosa-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            Run("SQLite, fsync every commit (durable)", () => new SqliteStore(Path.Combine(dir, "full.ikosa"), BenchEntities.Registry()), isTarget: true);
            Run("SQLite, no fsync (survives process crash only)", () => new SqliteStore(Path.Combine(dir, "normal.ikosa"), BenchEntities.Registry(),
                new SqliteStoreOptions { SyncEveryCommit = false }), isTarget: false);
            Run("in-memory store (baseline, not durable)", () => new InMemoryStore(), isTarget: false);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return Task.CompletedTask;
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
