using System.Diagnostics;

namespace Ikosa.Bench.Game;

/// <summary>Runs one call loop per client (each awaiting its call before the next) for a fixed time; counts calls and their latencies.</summary>
internal static class ClientLoad
{
    public sealed record Result(int Calls, TimeSpan Elapsed, List<double> LatenciesMs)
    {
        public double PerSecond => Calls / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(int clients, TimeSpan duration, Func<int, Task> call)
    {
        var latencies = new List<double>[clients];
        var watch = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>();
            while (watch.Elapsed < duration)
            {
                var began = Stopwatch.GetTimestamp();
                await call(c).ConfigureAwait(false);
                mine.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            }
        })).ToList();
        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            throw new InvalidOperationException($"a client failed: {error.Message}", error);
        }
        watch.Stop();
        var all = latencies.SelectMany(l => l).ToList();
        all.Sort();
        return new Result(all.Count, watch.Elapsed, all);
    }
}
