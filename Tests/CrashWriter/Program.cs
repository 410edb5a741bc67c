using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;
using Ikosa.Engine.Tasks;
using Ikosa.Engine.Transactions;
using Ikosa.Tests.CrashWriter;

// usage: Ikosa.Tests.CrashWriter <game file> <max commits> [sessions | outage]
// Prints "start <serial>", then "committed <serial>" after each write returns (so it is durable).
// With sessions > 0 the writes come from that many task-service queues at once (group commit);
// otherwise from one thread calling the gate directly (one sync per commit).
// With "outage": after <max commits> writes the store's file is filled (no page may be added), three more writes are
// tried and refused ("refused <kind>"), then it prints "outage" and waits to be killed.
var outage = args.Length == 3 && args[2] == "outage";
if (args.Length is < 2 or > 3 || !long.TryParse(args[1], out var maxCommits) || (args.Length == 3 && !outage && !int.TryParse(args[2], out _)))
{
    Console.Error.WriteLine("usage: Ikosa.Tests.CrashWriter <game file> <max commits> [sessions | outage]");
    return 2;
}
var sessions = args.Length == 3 && !outage ? int.Parse(args[2]) : 0;

var types = new EntityTypeRegistry().Register<CrashSlot>(CrashStream.TypeName);
using var store = new SqliteStore(args[0], types);
using var gate = new ModelGate(types, store, new GateOptions { Budget = Timeout.InfiniteTimeSpan });
var output = Console.Out;
var outputLock = new Lock();
output.WriteLine($"start {gate.Serial}");
output.Flush();

void Say(string line)
{
    lock (outputLock)
    {
        output.WriteLine(line);
        output.Flush();
    }
}

void Report(long serial) => Say($"committed {serial}");

// Commit k applies step k of the stream, whichever writer gets serial k: tx.Serial + 1 is the serial it commits as.
long Step(Transaction tx)
{
    var k = tx.Serial + 1;
    CrashStream.Apply(tx, k);
    return k;
}

if (outage)
{
    for (var i = 0; i < maxCommits; i++) Report(gate.Write(Step));
    store.PageLimit = 1;
    for (var i = 0; i < 3; i++)
    {
        try
        {
            // The next step and a slot too big for the full file: if any of it were kept, the test would see it.
            Report(gate.Write(tx =>
            {
                var k = Step(tx);
                tx.Put(new CrashSlot(CrashStream.Outage, k, new string('o', 20_000)));
                return k;
            }));
        }
        catch (StoreFailedException refused) when (refused.Problem is { } problem)
        {
            Say($"refused {problem.Kind}");
        }
    }
    Say("outage");
    Thread.Sleep(Timeout.Infinite);
}

if (sessions == 0)
{
    for (var i = 0; i < maxCommits; i++) Report(gate.Write(Step));
    return 0;
}

await using var tasks = new TaskService(gate);
await Task.WhenAll(Enumerable.Range(0, sessions).Select(async s =>
{
    for (var i = 0; i < maxCommits / sessions; i++) Report(await tasks.Submit("session-" + s, TransactionMode.Write, Step));
}));
return 0;
