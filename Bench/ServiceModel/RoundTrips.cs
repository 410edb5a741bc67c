using System.Diagnostics;

namespace Ikosa.Bench.ServiceModel;

/// <summary>Rate and latency of a run of round trips.</summary>
public sealed record RoundTripFigures(long Count, TimeSpan Elapsed, double P50Microseconds, double P99Microseconds)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public override string ToString() => $"{PerSecond,10:N0} round trips/s   p50 {P50Microseconds,7:N1} µs   p99 {P99Microseconds,7:N1} µs";
}

/// <summary>Runs round trips on several workers at once for a fixed time and measures each one.</summary>
public static class RoundTrips
{
    /// <summary>
    /// Each worker calls its own round trip in a loop for <paramref name="duration"/> (after <paramref name="warmUp"/>,
    /// not measured); every call is timed.
    /// </summary>
    public static async Task<RoundTripFigures> MeasureAsync(IReadOnlyList<Func<Task>> workers, TimeSpan duration, TimeSpan warmUp)
    {
        await RunAsync(workers, warmUp, record: false);
        return await RunAsync(workers, duration, record: true);
    }

    private static async Task<RoundTripFigures> RunAsync(IReadOnlyList<Func<Task>> workers, TimeSpan duration, bool record)
    {
        var latencies = workers.Select(_ => new List<long>(1 << 16)).ToArray();
        var clock = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(workers.Select((call, index) => Task.Run(async () =>
        {
            var own = latencies[index];
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= deadline)
                    break;
                await call();
                if (record)
                    own.Add(Stopwatch.GetTimestamp() - start);
            }
        })));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new RoundTripFigures(all.Length, elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    /// <summary>The run with the median rate.</summary>
    public static RoundTripFigures Median(IReadOnlyList<RoundTripFigures> runs) => runs.OrderBy(r => r.PerSecond).ElementAt(runs.Count / 2);

    private static double Percentile(long[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * fraction))] * 1e6 / Stopwatch.Frequency;
}
