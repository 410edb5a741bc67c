using System.Diagnostics;

namespace Ikosa.Bench.ServiceModel;

/// <summary>
/// One-way callbacks from the host to one client: the service sends a burst of OnTick callbacks on one session and
/// the clock stops when the client has received the last one. Baseline: the raw 4-byte ping-pong in the same run.
/// Several rounds, alternating with the baseline; the median round of each is reported.
/// </summary>
public sealed class CallbackBenchmark : IBenchmark
{
    private const int Rounds = 3;

    public string Name => "sm-callbacks";

    public string Description => "one-way callbacks/s host -> one client vs a raw 4-byte ping-pong [callbacks per round, default 200000]";

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        var count = args.Count > 0 && int.TryParse(args[0], out var n) ? n : 200_000;

        await using var pingPong = RawPingPong.Start();
        var rawCall = await pingPong.ConnectAsync();
        await using var host = await BenchHost.StartAsync();
        var callback = new CountingCallback();
        var factory = host.Factory(callback);
        var proxy = factory.CreateChannel();
        // Long enough for the JIT to finish tiering up both paths; the first seconds run slower code.
        await RoundTrips.MeasureAsync([rawCall], TimeSpan.Zero, TimeSpan.FromSeconds(2));
        for (var i = 0; i < 3; i++)
            await FloodAsync(proxy, callback, count / 2);

        var raw = new List<RoundTripFigures>();
        var rates = new List<double>();
        for (var round = 1; round <= Rounds; round++)
        {
            raw.Add(await RoundTrips.MeasureAsync([rawCall], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(0.5)));
            rates.Add(count / (await FloodAsync(proxy, callback, count)).TotalSeconds);
            Console.WriteLine($"  round {round}: raw {raw[^1].PerSecond:N0} round trips/s, {rates[^1]:N0} callbacks/s");
        }

        var rawMedian = RoundTrips.Median(raw);
        var perSecond = rates.Order().ElementAt(rates.Count / 2);
        Console.WriteLine($"  raw ping-pong, 1 connection:  {rawMedian}");
        Console.WriteLine($"  net.tcp one-way callbacks:    {perSecond,10:N0} callbacks/s ({perSecond / rawMedian.PerSecond:F1}x the raw round-trip rate)");
        Console.WriteLine(Targets.AtLeast("callbacks/s", perSecond, Targets.CallbacksPerSecond, "N0"));
        factory.Close();
    }

    private static async Task<TimeSpan> FloodAsync(IBenchService proxy, CountingCallback callback, int count)
    {
        var received = callback.Expect(count);
        var clock = Stopwatch.StartNew();
        await proxy.FloodAsync(count);
        await received.WaitAsync(TimeSpan.FromSeconds(60));
        return clock.Elapsed;
    }
}
