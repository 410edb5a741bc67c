using System.Diagnostics;

namespace Ikosa.Bench.Game;

/// <summary>Runs one blocking call loop per client on its own thread for a fixed time; counts calls and their latencies.</summary>
internal static class ClientLoad
{
    public sealed record Result(int Calls, TimeSpan Elapsed, List<double> LatenciesMs)
    {
        public double PerSecond => Calls / Elapsed.TotalSeconds;
    }

    public static Result Run(int clients, TimeSpan duration, Action<int> call)
    {
        var latencies = new List<double>[clients];
        var errors = new Exception?[clients];
        var start = new Barrier(clients + 1);
        var watch = new Stopwatch();
        var threads = Enumerable.Range(0, clients).Select(c => new Thread(() =>
        {
            var mine = latencies[c] = new List<double>();
            start.SignalAndWait();
            try
            {
                while (watch.Elapsed < duration)
                {
                    var began = Stopwatch.GetTimestamp();
                    call(c);
                    mine.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                }
            }
            catch (Exception error)
            {
                errors[c] = error;
            }
        }) { IsBackground = true, Name = $"bench client {c}" }).ToList();
        threads.ForEach(t => t.Start());
        watch.Start();
        start.SignalAndWait();
        threads.ForEach(t => t.Join());
        watch.Stop();
        if (errors.FirstOrDefault(e => e is not null) is { } first)
            throw new InvalidOperationException($"a client failed: {first.Message}", first);
        var all = latencies.SelectMany(l => l).ToList();
        all.Sort();
        return new Result(all.Count, watch.Elapsed, all);
    }
}
