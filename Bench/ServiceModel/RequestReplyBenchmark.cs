namespace Ikosa.Bench.ServiceModel;

/// <summary>
/// Echo request/reply over our net.tcp runtime with 1 and with 8 channels, against a raw 4-byte socket ping-pong
/// over one loopback connection measured in the same run. The three are measured in turn, several rounds, and the
/// median round of each is reported, so a burst of load from elsewhere on the machine skews one round, not the result.
/// </summary>
public sealed class RequestReplyBenchmark : IBenchmark
{
    private const int Channels = 8;
    private const int Rounds = 3;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public string Name => "sm-rr";

    public string Description => "request/reply round trips/s, p50/p99 with 1 and 8 channels vs a raw 4-byte ping-pong [seconds per measurement, default 3]";

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        var duration = TimeSpan.FromSeconds(args.Count > 0 && double.TryParse(args[0], out var s) ? s : 3);
        var warmUp = TimeSpan.FromSeconds(0.5);

        await using var pingPong = RawPingPong.Start();
        var rawCall = await pingPong.ConnectAsync();
        await using var host = await BenchHost.StartAsync();
        var factory = host.Factory(new CountingCallback());
        var proxies = Enumerable.Range(0, Channels).Select(_ => factory.CreateChannel()).ToList();
        foreach (var proxy in proxies)
            await proxy.EchoAsync(0, "open");
        var oneChannel = new[] { Call(proxies[0]) };
        var eightChannels = proxies.Select(Call).ToList();

        if (args.Count > 1)
        {
            // Profiling: one configuration only, for as long as asked.
            IReadOnlyList<Func<Task>> only = args[1] switch { "raw" => new[] { rawCall }, "1" => oneChannel, "8" => eightChannels, _ => throw new ArgumentException("raw, 1 or 8") };
            Console.WriteLine($"  {args[1]}: {await RoundTrips.MeasureAsync(only, duration, WarmUp)}");
            factory.Close();
            return;
        }

        // Long enough for the JIT to finish tiering up every path measured; the first seconds run slower code.
        foreach (var workers in new IReadOnlyList<Func<Task>>[] { [rawCall], oneChannel, eightChannels })
            await RoundTrips.MeasureAsync(workers, TimeSpan.Zero, WarmUp);

        var raw = new List<RoundTripFigures>();
        var one = new List<RoundTripFigures>();
        var eight = new List<RoundTripFigures>();
        for (var round = 1; round <= Rounds; round++)
        {
            raw.Add(await RoundTrips.MeasureAsync([rawCall], duration, warmUp));
            one.Add(await RoundTrips.MeasureAsync(oneChannel, duration, warmUp));
            eight.Add(await RoundTrips.MeasureAsync(eightChannels, duration, warmUp));
            Console.WriteLine($"  round {round}: raw {raw[^1].PerSecond:N0}/s, 1 channel {one[^1].PerSecond:N0}/s, {Channels} channels {eight[^1].PerSecond:N0}/s");
        }

        var rawMedian = RoundTrips.Median(raw);
        var oneMedian = RoundTrips.Median(one);
        var eightMedian = RoundTrips.Median(eight);
        Console.WriteLine($"  raw ping-pong, 1 connection:  {rawMedian}");
        Console.WriteLine($"  net.tcp Echo, 1 channel:      {oneMedian}");
        Console.WriteLine($"  net.tcp Echo, {Channels} channels:     {eightMedian}");
        Console.WriteLine(Targets.AtLeast("1 channel / raw ping-pong", oneMedian.PerSecond / rawMedian.PerSecond, Targets.RequestReplyToRawPingPong, "P0"));
        Console.WriteLine(Targets.AtLeast($"{Channels} channels / 1 channel", eightMedian.PerSecond / oneMedian.PerSecond, Targets.EightChannelsToOne, "F2"));
        factory.Close();
    }

    private static Func<Task> Call(IBenchService proxy)
    {
        var n = 0;
        return () => proxy.EchoAsync(n++, "ping");
    }
}
