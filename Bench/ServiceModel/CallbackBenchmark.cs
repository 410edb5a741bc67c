using System.Diagnostics;

namespace Ikosa.Bench.ServiceModel;

/// <summary>
/// One-way callbacks from the host to one client: the service sends a burst of OnTick callbacks on one session and
/// the clock stops when the client has received the last one. Baseline: the raw 4-byte ping-pong in the same run.
/// </summary>
public sealed class CallbackBenchmark : IBenchmark
{
    public string Name => "sm-callbacks";

    public string Description => "one-way callbacks/s host -> one client vs a raw 4-byte ping-pong [callbacks, default 200000]";

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        var count = args.Count > 0 && int.TryParse(args[0], out var n) ? n : 200_000;

        RoundTripFigures raw;
        await using (var pingPong = RawPingPong.Start())
            raw = await RoundTrips.MeasureAsync([await pingPong.ConnectAsync()], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
        Console.WriteLine($"  raw ping-pong, 1 connection:  {raw}");

        await using var host = await BenchHost.StartAsync();
        var callback = new CountingCallback();
        var factory = host.Factory(callback);
        var proxy = factory.CreateChannel();

        await FloodAsync(proxy, callback, count / 10);
        var elapsed = await FloodAsync(proxy, callback, count);
        var perSecond = count / elapsed.TotalSeconds;
        Console.WriteLine($"  net.tcp one-way callbacks:    {perSecond,10:N0} callbacks/s ({count:N0} in {elapsed.TotalSeconds:F2} s; {perSecond / raw.PerSecond:F1}x the raw round-trip rate)");
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
