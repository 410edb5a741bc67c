using System.Diagnostics;

namespace Ikosa.Bench.ServiceModel;

/// <summary>
/// Echo request/reply over our net.tcp runtime with 1 and with 8 channels, against a raw 4-byte socket ping-pong
/// over one loopback connection measured in the same run. This VM's loopback rate drifts by half between seconds,
/// so the three are measured in short interleaved slices (the order reversed every other round) and each ratio is
/// taken within a round, between slices a second apart; the median of the rounds' ratios is judged.
/// </summary>
public sealed class RequestReplyBenchmark : IBenchmark
{
    private const int Channels = 8;
    private const int Rounds = 10;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SliceWarmUp = TimeSpan.FromSeconds(0.2);

    public string Name => "sm-rr";

    public string Description =>
        "request/reply round trips/s, p50/p99 with 1 and 8 channels vs a raw 4-byte ping-pong, interleaved " +
        "[seconds per slice, default 1] [raw|raw8|1|8|replay|replay8: that one only, for profiling; replay = our host with a client that " +
        "resends one encoded request and does not decode replies]";

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        var slice = TimeSpan.FromSeconds(args.Count > 0 && double.TryParse(args[0], out var s) ? s : 1);

        await using var pingPong = RawPingPong.Start();
        var rawCall = await pingPong.ConnectAsync();
        await using var host = await BenchHost.StartAsync();
        var factory = host.Factory(new CountingCallback());
        var proxies = Enumerable.Range(0, Channels).Select(_ => factory.CreateChannel()).ToList();
        foreach (var proxy in proxies)
            await proxy.EchoAsync(0, "open");
        IReadOnlyList<Func<Task>> raw = [rawCall];
        IReadOnlyList<Func<Task>> one = [Call(proxies[0])];
        IReadOnlyList<Func<Task>> eight = proxies.Select(Call).ToList();

        if (args.Count > 1)
        {
            var replaying = new List<ReplayingClient>();
            var only = args[1] switch
            {
                "raw" => raw,
                "raw8" => await RawConnectionsAsync(pingPong),
                "1" => one,
                "8" => eight,
                "replay" or "replay8" => await ReplayingConnectionsAsync(host, args[1] == "replay" ? 1 : Channels, replaying),
                _ => throw new ArgumentException("raw, raw8, 1, 8, replay or replay8"),
            };
            await MeasureAloneAsync(args[1], only, slice);
            replaying.ForEach(client => client.Dispose());
            factory.Close();
            return;
        }

        // Long enough for the JIT to finish tiering up every path measured; the first seconds run slower code.
        var configurations = new[] { raw, one, eight };
        foreach (var workers in configurations)
            await RoundTrips.MeasureAsync(workers, TimeSpan.Zero, WarmUp);

        var rawRuns = new List<RoundTripFigures>();
        var oneRuns = new List<RoundTripFigures>();
        var eightRuns = new List<RoundTripFigures>();
        var oneToRaw = new List<double>();
        var eightToOne = new List<double>();
        for (var round = 1; round <= Rounds; round++)
        {
            var order = round % 2 == 1 ? new[] { 0, 1, 2 } : new[] { 2, 1, 0 };
            var figures = new RoundTripFigures[3];
            foreach (var which in order)
                figures[which] = await RoundTrips.MeasureAsync(configurations[which], slice, SliceWarmUp);
            rawRuns.Add(figures[0]);
            oneRuns.Add(figures[1]);
            eightRuns.Add(figures[2]);
            oneToRaw.Add(figures[1].PerSecond / figures[0].PerSecond);
            eightToOne.Add(figures[2].PerSecond / figures[1].PerSecond);
            Console.WriteLine($"  round {round,2}: raw {figures[0].PerSecond,7:N0}/s   1 channel {figures[1].PerSecond,7:N0}/s ({oneToRaw[^1],4:P0})   " +
                $"{Channels} channels {figures[2].PerSecond,7:N0}/s ({eightToOne[^1]:F2}x)");
        }

        Console.WriteLine($"  raw ping-pong, 1 connection:  {RoundTrips.Median(rawRuns)}");
        Console.WriteLine($"  net.tcp Echo, 1 channel:      {RoundTrips.Median(oneRuns)}");
        Console.WriteLine($"  net.tcp Echo, {Channels} channels:     {RoundTrips.Median(eightRuns)}");
        Console.WriteLine("  (median slices; the ratios below are the medians of the rounds' own ratios)");
        Console.WriteLine(Targets.AtLeast("1 channel / raw ping-pong", Median(oneToRaw), Targets.RequestReplyToRawPingPong, "P0"));
        Console.WriteLine(Targets.AtLeast($"{Channels} channels / 1 channel", Median(eightToOne), Targets.EightChannelsToOne, "F2"));
        factory.Close();
    }

    /// <summary>One configuration on its own, with what each round trip costs: CPU, allocation, thread-pool work items.</summary>
    private static async Task MeasureAloneAsync(string name, IReadOnlyList<Func<Task>> workers, TimeSpan slice)
    {
        await RoundTrips.MeasureAsync(workers, TimeSpan.Zero, WarmUp);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0Before = GC.CollectionCount(0);
        var workItemsBefore = ThreadPool.CompletedWorkItemCount;
        var figures = await RoundTrips.MeasureAsync(workers, slice, TimeSpan.Zero);
        var workItems = ThreadPool.CompletedWorkItemCount - workItemsBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"  {name}: {figures}");
        // Both ends run in this process; idle thread-pool spinning counts too, so this is an upper bound.
        Console.WriteLine($"  per round trip: {cpu.TotalMicroseconds / figures.Count:F1} µs of CPU (user + system, both ends), " +
            $"{allocated / (double)figures.Count:N0} bytes allocated, {workItems / (double)figures.Count:F1} thread-pool work items; " +
            $"{GC.CollectionCount(0) - gen0Before} gen0 collections");
    }

    private static async Task<IReadOnlyList<Func<Task>>> RawConnectionsAsync(RawPingPong pingPong)
    {
        var calls = new List<Func<Task>>();
        for (var i = 0; i < Channels; i++)
            calls.Add(await pingPong.ConnectAsync());
        return calls;
    }

    /// <summary>Clients without the runtime (<see cref="ReplayingClient"/>): what remains is the server's cost.</summary>
    private static async Task<IReadOnlyList<Func<Task>>> ReplayingConnectionsAsync(BenchHost host, int count, List<ReplayingClient> clients)
    {
        for (var i = 0; i < count; i++)
            clients.Add(await ReplayingClient.ConnectAsync(host.Address));
        return clients.Select(client => (Func<Task>)client.RoundTripAsync).ToList();
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static Func<Task> Call(IBenchService proxy)
    {
        var n = 0;
        return () => proxy.EchoAsync(n++, "ping");
    }
}
