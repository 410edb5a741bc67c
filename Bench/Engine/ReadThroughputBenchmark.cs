using System.Diagnostics;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;

namespace Ikosa.Bench.Engine;

/// <summary>Small read transactions per second through the gate, 1 and 2 threads, against a bare RW-lock baseline.</summary>
public sealed class ReadThroughputBenchmark : IBenchmark
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    public string Name => "engine-read";

    public string Description => "gate read transactions/s with 1 and 2 threads (target >= 1,000,000/s); baseline: bare ReaderWriterLockSlim + dictionary";

    public Task RunAsync(IReadOnlyList<string> args)
    {
        using var gate = new ModelGate(BenchEntities.Registry(), new InMemoryStore());
        var ids = Enumerable.Range(0, 1000).Select(_ => EntityId.New()).ToArray();
        gate.Write(tx =>
        {
            foreach (var id in ids) tx.Put(new BenchCreature(id, "orc", 7));
        });
        var bareLock = new ReaderWriterLockSlim(LockRecursionPolicy.NoRecursion);
        var bare = ids.ToDictionary(id => id, id => new BenchCreature(id, "orc", 7));

        foreach (var threads in new[] { 1, 2 })
        {
            var gateRate = Measure(threads, i => gate.Read(tx => tx.Get<BenchCreature>(ids[i % ids.Length]).HitPoints));
            var bareRate = Measure(threads, i =>
            {
                bareLock.EnterReadLock();
                try
                {
                    return bare[ids[i % ids.Length]].HitPoints;
                }
                finally
                {
                    bareLock.ExitReadLock();
                }
            });
            Console.WriteLine($"  {threads} thread(s): gate {gateRate,12:N0} reads/s   baseline {bareRate,12:N0} reads/s   ratio {gateRate / bareRate:P0}   target 1,000,000: {(gateRate >= 1_000_000 ? "reached" : "NOT reached")}");
        }
        var stats = gate.Metrics.Snapshot();
        Console.WriteLine($"  gate metrics: {stats.Reads.Count:N0} reads, avg wait {stats.Reads.AverageWait.TotalMicroseconds:0.000} us, avg hold {stats.Reads.AverageHold.TotalMicroseconds:0.000} us");
        return Task.CompletedTask;
    }

    private static double Measure(int threads, Func<int, int> read)
    {
        for (var i = 0; i < 200_000; i++) read(i); // warm up
        using var start = new Barrier(threads + 1);
        var counts = new long[threads];
        var stop = false;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            long n = 0;
            var sum = 0;
            while (!Volatile.Read(ref stop))
            {
                for (var i = 0; i < 1000; i++) sum += read((int)n + i);
                n += 1000;
            }
            counts[t] = n + (sum == int.MinValue ? 1 : 0);
        })).ToList();
        workers.ForEach(w => w.Start());
        start.SignalAndWait();
        var watch = Stopwatch.StartNew();
        Thread.Sleep(Duration);
        Volatile.Write(ref stop, true);
        workers.ForEach(w => w.Join());
        return counts.Sum() / watch.Elapsed.TotalSeconds;
    }
}
