using Ikosa.Bench.Engine;
using static Ikosa.Bench.Game.BigMap.Playthrough;

namespace Ikosa.Bench.Game.BigMap;

/// <summary>
/// Big maps stay fast: the generated 256x256 dungeon with 1,000 monsters and 8 heroes, 8 players and the game master
/// connected over loopback net.tcp with the client library, creatures walking one move at a time; beside it the same
/// play on the sample campaign (20x11, 9 creatures), measured in the same run.
/// </summary>
public sealed class BigMapBenchmark : IBenchmark
{
    private const double DeliveryP99Ms = 10;
    private const double ViewP50Ms = 1;
    private const double ViewP99Ms = 5;
    private const double MemoryMb = 200;

    public string Name => "game-bigmap";

    public string Description =>
        "256x256 map, 1,000 creatures, 8 players + GM over net.tcp, a creature moves: batch p99 <= 10 ms, GetView p50 <= 1 ms / p99 <= 5 ms, host memory <= 200 MB; beside the sample";

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        var moves = args.Count > 0 && int.TryParse(args[0], out var n) ? n : 400;
        var folder = Path.Combine(Path.GetTempPath(), "ikosa-bench-bigmap-" + Guid.NewGuid().ToString("N"));
        try
        {
            BigMapCampaign.Write(folder);
            // Steady play is measured: each run first warms up (Playthrough.WarmUpAsync).
            Console.WriteLine($"  {moves} moves of 2 squares each, one at a time, after laps of every route until the JIT is done; each player a batch reaches re-reads its view");
            Console.WriteLine("  each scenario is played twice: the players re-read with GetView (whole views), then with GetViewUpdate (cells when changed)");
            var smallUpdates = await Playthrough.RunAsync(Scenario.Sample(), moves, updates: true);
            var bigUpdates = await Playthrough.RunAsync(Scenario.Big(folder), moves, updates: true);
            var small = await Playthrough.RunAsync(Scenario.Sample(), moves, updates: false);
            var big = await Playthrough.RunAsync(Scenario.Big(folder), moves, updates: false);
            Print(small, big, smallUpdates, bigUpdates);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Print(Figures small, Figures big, Figures smallUpdates, Figures bigUpdates)
    {
        Console.WriteLine($"  {"",-44} {Short(small.Label),-26} {Short(big.Label),-26} target");
        Row("clients a move's batch reaches (avg)", $"{small.ClientsPerMove:0.0}", $"{big.ClientsPerMove:0.0}", "");
        Row("move: DoAction call p50 / p99", Pair(small.Moves), Pair(big.Moves), "");
        var deliveryP99 = Percentile(big.Delivery, 99);
        Row("commit -> last affected client's batch", Pair(small.Delivery), Pair(big.Delivery),
            $"p99 <= {DeliveryP99Ms} ms: {Verdict(deliveryP99 <= DeliveryP99Ms && big.Missing == 0)}{(big.Missing > 0 ? $" ({big.Missing} moves not delivered in time)" : "")}");
        Row("GetView after each move (whole view)", Pair(small.Views), Pair(big.Views), ViewVerdict(big.Views));
        Row("view read after each move (GetViewUpdate)", Pair(smallUpdates.Views), Pair(bigUpdates.Views), ViewVerdict(bigUpdates.Views));
        Row("  the same run: commit -> last batch", Pair(smallUpdates.Delivery), Pair(bigUpdates.Delivery), "");
        Row("warm-up; JIT while measuring (upd. / whole)", Jit(smallUpdates.Jit, small.Jit), Jit(bigUpdates.Jit, big.Jit), "");
        Row("GetView, one at a time, nothing changing", Pair(small.QuietViews), Pair(big.QuietViews), "");
        Row("no-op call, one at a time (wire baseline)", Pair(small.NoOp), Pair(big.NoOp), "");
        Row("GetView's host work after a commit, no wire", Pair(small.HostView), Pair(big.HostView), "");
        Row("a view: cells seen / remembered / creatures", Size(small.ViewSize), Size(big.ViewSize), "");
        Row("game's managed heap: loaded / after moves", Mb(small.HeapLoaded, small.HeapAfter), Mb(big.HeapLoaded, big.HeapAfter), "");
        var memory = Math.Max(big.WorkingSetLoaded, big.WorkingSetAfter) / 1048576.0;
        Row("process working set: loaded / after moves", Mb(small.WorkingSetLoaded, small.WorkingSetAfter), Mb(big.WorkingSetLoaded, big.WorkingSetAfter),
            $"<= {MemoryMb} MB: {Verdict(memory <= MemoryMb)} (all of it: runtime, host, clients)");
        Console.WriteLine($"  the master's whole-map view (once, last): sample {small.MasterView}");
        Console.WriteLine($"  {"",40} 256x256 {big.MasterView}");
        Console.WriteLine($"  host and 9 clients share this machine's {Environment.ProcessorCount} cores; load average now {LoadAverage()}");
    }

    private static string ViewVerdict(List<double> views) =>
        $"p50 <= {ViewP50Ms} ms: {Verdict(Percentile(views, 50) <= ViewP50Ms)}, p99 <= {ViewP99Ms} ms: {Verdict(Percentile(views, 99) <= ViewP99Ms)}";

    private static void Row(string label, string small, string big, string target) =>
        Console.WriteLine($"  {label,-44} {small,-26} {big,-26} {target}");

    private static string Pair(List<double> sorted) =>
        sorted.Count == 0 ? "none" : $"{Percentile(sorted, 50):0.000} / {Percentile(sorted, 99):0.000} ms";

    private static string Jit(JitWork updates, JitWork whole) =>
        $"{updates.WarmUp.TotalSeconds:0.0} / {whole.WarmUp.TotalSeconds:0.0} s; {updates.Compiling.TotalMilliseconds:0} / {whole.Compiling.TotalMilliseconds:0} ms";

    private static string Size((double Visible, double Remembered, double Creatures) size) =>
        $"{size.Visible:0} / {size.Remembered:0} / {size.Creatures:0}";

    private static string Mb(long loaded, long after) => $"{loaded / 1048576.0:0} / {after / 1048576.0:0} MB";

    private static string Short(string label) => label.Length <= 26 ? label : label[..26];

    private static double Percentile(List<double> sorted, double p) => BenchEntities.Percentile(sorted, p);

    private static string Verdict(bool reached) => reached ? "reached" : "NOT reached";

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
