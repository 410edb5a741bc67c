namespace Ikosa.Bench.ServiceModel;

/// <summary>
/// Echo request/reply over our net.tcp runtime with 1 and with 8 channels, against a raw 4-byte socket ping-pong
/// over one loopback connection measured in the same run.
/// </summary>
public sealed class RequestReplyBenchmark : IBenchmark
{
    private const int Channels = 8;

    public string Name => "sm-rr";

    public string Description => "request/reply round trips/s, p50/p99 with 1 and 8 channels vs a raw 4-byte ping-pong [seconds per run, default 5]";

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        var duration = TimeSpan.FromSeconds(args.Count > 0 && double.TryParse(args[0], out var s) ? s : 5);
        var warmUp = TimeSpan.FromSeconds(1);

        RoundTripFigures raw;
        await using (var pingPong = RawPingPong.Start())
            raw = await RoundTrips.MeasureAsync([await pingPong.ConnectAsync()], duration, warmUp);
        Console.WriteLine($"  raw ping-pong, 1 connection:  {raw}");

        await using var host = await BenchHost.StartAsync();
        var factory = host.Factory(new CountingCallback());
        var proxies = Enumerable.Range(0, Channels).Select(_ => factory.CreateChannel()).ToList();
        foreach (var proxy in proxies)
            await proxy.EchoAsync(0, "open");

        var one = await RoundTrips.MeasureAsync([Call(proxies[0])], duration, warmUp);
        Console.WriteLine($"  net.tcp Echo, 1 channel:      {one}");
        var eight = await RoundTrips.MeasureAsync(proxies.Select(Call).ToList(), duration, warmUp);
        Console.WriteLine($"  net.tcp Echo, {Channels} channels:     {eight}");

        Console.WriteLine(Targets.AtLeast("1 channel / raw ping-pong", one.PerSecond / raw.PerSecond, Targets.RequestReplyToRawPingPong, "P0"));
        Console.WriteLine(Targets.AtLeast($"{Channels} channels / 1 channel", eight.PerSecond / one.PerSecond, Targets.EightChannelsToOne, "F2"));
        factory.Close();
    }

    private static Func<Task> Call(IBenchService proxy)
    {
        var n = 0;
        return () => proxy.EchoAsync(n++, "ping");
    }
}
