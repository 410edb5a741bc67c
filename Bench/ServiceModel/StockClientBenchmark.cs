using System.Diagnostics;
using System.Globalization;
using Ikosa.Bench.Game;

namespace Ikosa.Bench.ServiceModel;

/// <summary>
/// Microsoft's WCF client (the baseline) and ours call the same cheap operation, ILoginService.GetSerial, on the real
/// host running as a child process, over 1 and over 8 channels (one blocking caller thread each). The four
/// configurations run in short slices, interleaved and in reversed order every other round, since this VM's speed
/// drifts; CPU is read around each slice from this process (the client) and from the host's (the server).
/// </summary>
public sealed class StockClientBenchmark : IBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public string Name => "sm-stock";

    public string Description =>
        "Microsoft's WCF client vs ours, GetSerial on the host (a child process) with 1 and 8 channels: calls/s, p50/p99, " +
        "client and server CPU µs per call [seconds per slice, default 1] [rounds, default 3]";

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        var slice = TimeSpan.FromSeconds(args.Count > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? s : 1);
        var rounds = args.Count > 1 && int.TryParse(args[1], out var r) ? r : 3;

        await using var host = await HostChildProcess.StartAsync();
        var login = host.Endpoint("login");
        using var stockOne = new StockWcfChannels(login, 1);
        using var oursOne = new OurChannels(login, 1);
        using var stockEight = new StockWcfChannels(login, 8);
        using var oursEight = new OurChannels(login, 8);
        var configurations = new[]
        {
            new Configuration("stock WCF client, 1 channel", stockOne.GetSerial),
            new Configuration("our client, 1 channel", oursOne.GetSerial),
            new Configuration("stock WCF client, 8 channels", stockEight.GetSerial),
            new Configuration("our client, 8 channels", oursEight.GetSerial),
        };
        // Long enough for the JIT to tier up both clients and the host; the first seconds run slower code.
        foreach (var configuration in configurations)
            await configuration.RunAsync(WarmUp);

        for (var round = 1; round <= rounds; round++)
        {
            var order = round % 2 == 1 ? configurations : Enumerable.Reverse(configurations);
            foreach (var configuration in order)
                await configuration.MeasureAsync(host, slice);
            Console.WriteLine($"  round {round}: " + string.Join("   ", configurations.Select(c => $"{c.Slices[^1].PerSecond,7:N0}/s")) +
                "   (stock 1, ours 1, stock 8, ours 8 calls/s)");
        }

        foreach (var configuration in configurations)
            Console.WriteLine($"  {configuration.Name,-29} {configuration.Summary()}");
        Console.WriteLine("  (median slice; CPU per call over all slices: client = this process, server = the host's process;");
        Console.WriteLine("   both include what their thread pools spend idling between calls)");
        for (var i = 0; i < configurations.Length; i += 2)
        {
            var (stock, ours) = (configurations[i], configurations[i + 1]);
            Console.WriteLine($"  ours / stock, {(i == 0 ? "1 channel: " : "8 channels:")} calls/s {ours.Median.PerSecond / stock.Median.PerSecond:F2}x   " +
                $"client CPU per call {ours.ClientCpuPerCall / stock.ClientCpuPerCall:F2}x   server CPU per call {ours.ServerCpuPerCall / stock.ServerCpuPerCall:F2}x");
        }
    }

    private sealed record Slice(ClientLoad.Result Load, TimeSpan ClientCpu, TimeSpan ServerCpu)
    {
        public double PerSecond => Load.PerSecond;
    }

    private sealed class Configuration(string name, IReadOnlyList<Func<Task<long>>> calls)
    {
        public string Name => name;

        public List<Slice> Slices { get; } = new();

        public Slice Median => Slices.OrderBy(s => s.PerSecond).ElementAt(Slices.Count / 2);

        public double ClientCpuPerCall => Slices.Sum(s => s.ClientCpu.TotalMicroseconds) / Slices.Sum(s => s.Load.Calls);

        public double ServerCpuPerCall => Slices.Sum(s => s.ServerCpu.TotalMicroseconds) / Slices.Sum(s => s.Load.Calls);

        public Task<ClientLoad.Result> RunAsync(TimeSpan duration) => ClientLoad.RunAsync(calls.Count, duration, channel => calls[channel]());

        public async Task MeasureAsync(HostChildProcess host, TimeSpan duration)
        {
            var clientBefore = ClientProcessorTime();
            var serverBefore = host.ProcessorTime;
            var load = await RunAsync(duration);
            Slices.Add(new Slice(load, ClientProcessorTime() - clientBefore, host.ProcessorTime - serverBefore));
        }

        public string Summary()
        {
            var latencies = Median.Load.LatenciesMs;
            return $"{Median.PerSecond,8:N0} calls/s   p50 {Percentile(latencies, 0.50),6:N1} µs   p99 {Percentile(latencies, 0.99),7:N1} µs   " +
                $"client CPU {ClientCpuPerCall,5:N1} µs/call   server CPU {ServerCpuPerCall,5:N1} µs/call";
        }

        private static TimeSpan ClientProcessorTime()
        {
            using var self = Process.GetCurrentProcess();
            return self.TotalProcessorTime;
        }

        private static double Percentile(List<double> sortedMs, double fraction) =>
            sortedMs.Count == 0 ? 0 : sortedMs[Math.Min(sortedMs.Count - 1, (int)(sortedMs.Count * fraction))] * 1000;
    }
}
