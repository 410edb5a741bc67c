using System.Diagnostics;
using Ikosa.Bench.Engine;
using Ikosa.Contracts;
using Ikosa.Engine.Transactions;
using Ikosa.Host.Services;
using Ikosa.Host.Sessions;

namespace Ikosa.Bench.Game;

/// <summary>
/// The game over real loopback net.tcp with 8 logged-in players, host and clients in this process: game writes per
/// second end to end (a chat to everyone: a durable commit whose batch goes to all 8 clients), the time from commit to
/// the last client's batch, and view reads per second; baselines measured in the same run: the engine's own write rate
/// through its task service, and a no-op request/reply over the same wire.
/// </summary>
public sealed class GameWireBenchmark : IBenchmark
{
    private const int Players = 8;
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(4);

    public string Name => "game-wire";

    public string Description => "8 clients over net.tcp: game writes/s (target >= 2,000), commit-to-last-batch p50/p99 (target p99 <= 5 ms), view reads/s (target >= 10,000)";

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        await using var bench = await BenchGame.StartAsync(Players);
        await bench.LoginAllAsync();
        var clock = new CommitClock(Players);
        var received = new DeliveryTracker(Players);
        for (var i = 0; i < Players; i++)
        {
            var client = i;
            bench.Clients[i].BatchReceived += batch =>
            {
                clock.Received(client, batch.Serial);
                received.Received(client, batch.Serial);
            };
        }
        bench.Game.Engine.Gate.AddListener(clock);

        await EngineBaselineAsync(bench);

        var noop = await ClientLoad.RunAsync(Players, Phase, c => bench.Clients[c].Game.GetSerialAsync());
        Print("no-op request/reply over the wire (baseline)", noop, "calls/s");

        var first = bench.Game.Serial + 1;
        var writes = await ClientLoad.RunAsync(Players, Phase, c => bench.Clients[c].Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.Everyone, Text = "bench" }));
        var last = bench.Game.Serial;
        var allArrived = received.WaitForAll(last, TimeSpan.FromSeconds(20));
        var rate = writes.PerSecond;
        Print("game writes end to end (chat to everyone)", writes, "writes/s", $"target 2,000/s: {(rate >= 2000 ? "reached" : "NOT reached")}");
        var metrics = bench.Game.Engine.Gate.Metrics.Snapshot();
        Console.WriteLine($"  {"",-48} {bench.Game.Serial:N0} commits so far in {metrics.Writes.Count:N0} lock holds (avg group {(double)bench.Game.Serial / Math.Max(1, metrics.Writes.Count):0.0})");
        var loaded = clock.CommitToLastBatch(Serials(first, last));
        PrintLatency($"commit -> last of {Players} batches, under that load", loaded, allArrived);

        var spaced = await OneAtATimeAsync(bench, received, clock);
        PrintLatency($"commit -> last of {Players} batches, one write at a time", spaced.Latencies, spaced.AllArrived);

        var reads = await ClientLoad.RunAsync(Players, Phase, c => bench.Clients[c].Visualization.GetViewAsync(bench.Characters[c]));
        Print("view reads (GetView of own creature)", reads, "reads/s", $"target 10,000/s: {(reads.PerSecond >= 10000 ? "reached" : "NOT reached")}");
        var services = new List<VisualizationService>();
        for (var c = 0; c < Players; c++)
        {
            var service = new VisualizationService(bench.Game);
            await service.BindAsync(bench.Clients[c].Ticket!.Ticket);
            services.Add(service);
        }
        var inProcess = await ClientLoad.RunAsync(Players, Phase / 2, c => services[c].GetViewAsync(bench.Characters[c]));
        Print("view served in-process, no wire (baseline; from the view cache)", inProcess, "reads/s");
        Console.WriteLine($"  host and {Players} clients share this machine's {Environment.ProcessorCount} cores; client-side decoding and dispatch are in every figure.");
    }

    /// <summary>The engine alone: 8 queues writing through the task service (group commit) to the same file, no wire.</summary>
    private static async Task EngineBaselineAsync(BenchGame bench)
    {
        var tasks = bench.Game.Engine.Tasks;
        var count = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Players).Select(async q =>
        {
            while (watch.Elapsed < Phase)
            {
                await tasks.Submit("bench-" + q, TransactionMode.Write, tx => tx.Notify("bench.nobody", new SystemEvent("bench"))).ConfigureAwait(false);
                Interlocked.Increment(ref count);
            }
        }).ToList();
        await Task.WhenAll(workers);
        Console.WriteLine($"  {"engine writes in-process, 8 queues (baseline)",-48} {count / watch.Elapsed.TotalSeconds,10:N0} writes/s");
    }

    private static async Task<(List<double> Latencies, bool AllArrived)> OneAtATimeAsync(BenchGame bench, DeliveryTracker received, CommitClock clock)
    {
        var serials = new List<long>();
        var allArrived = true;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 2000 && watch.Elapsed < Phase; i++)
        {
            await bench.Clients[i % Players].Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.Everyone, Text = "one" });
            var serial = bench.Game.Serial;
            serials.Add(serial);
            allArrived &= received.WaitForAll(serial, TimeSpan.FromSeconds(5));
        }
        return (clock.CommitToLastBatch(serials), allArrived);
    }

    private static IEnumerable<long> Serials(long first, long last)
    {
        for (var s = first; s <= last; s++)
            yield return s;
    }

    private static void Print(string label, ClientLoad.Result result, string unit, string verdict = "") =>
        Console.WriteLine($"  {label,-48} {result.PerSecond,10:N0} {unit,-9} call p50 {BenchEntities.Percentile(result.LatenciesMs, 50),7:0.000} ms   p99 {BenchEntities.Percentile(result.LatenciesMs, 99),7:0.000} ms   {verdict}");

    private static void PrintLatency(string label, List<double> latencies, bool allArrived)
    {
        var p99 = BenchEntities.Percentile(latencies, 99);
        Console.WriteLine($"  {label,-48} p50 {BenchEntities.Percentile(latencies, 50),7:0.000} ms   p99 {p99,7:0.000} ms   ({latencies.Count:N0} commits{(allArrived ? "" : ", SOME BATCHES DID NOT ARRIVE")})   target p99 5 ms: {(p99 <= 5 ? "reached" : "NOT reached")}");
    }
}
