using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;
using Ikosa.Engine.Tasks;
using Ikosa.Engine.Transactions;
using Ikosa.Tests.CrashWriter;

// usage: Ikosa.Tests.CrashWriter <game file> <max commits> [sessions]
// Prints "start <serial>", then "committed <serial>" after each write returns (so it is durable).
// With sessions > 0 the writes come from that many task-service queues at once (group commit);
// otherwise from one thread calling the gate directly (one sync per commit).
if (args.Length is < 2 or > 3 || !long.TryParse(args[1], out var maxCommits) || (args.Length == 3 && !int.TryParse(args[2], out _)))
{
    Console.Error.WriteLine("usage: Ikosa.Tests.CrashWriter <game file> <max commits> [sessions]");
    return 2;
}
var sessions = args.Length == 3 ? int.Parse(args[2]) : 0;

var types = new EntityTypeRegistry().Register<CrashSlot>(CrashStream.TypeName);
using var store = new SqliteStore(args[0], types);
using var gate = new ModelGate(types, store, new GateOptions { Budget = Timeout.InfiniteTimeSpan });
var output = Console.Out;
var outputLock = new Lock();
output.WriteLine($"start {gate.Serial}");
output.Flush();

void Report(long serial)
{
    lock (outputLock)
    {
        output.WriteLine($"committed {serial}");
        output.Flush();
    }
}

// Commit k applies step k of the stream, whichever writer gets serial k: tx.Serial + 1 is the serial it commits as.
long Step(Transaction tx)
{
    var k = tx.Serial + 1;
    CrashStream.Apply(tx, k);
    return k;
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
