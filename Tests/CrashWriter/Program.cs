using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;
using Ikosa.Tests.CrashWriter;

// usage: Ikosa.Tests.CrashWriter <game file> <max commits>
// Prints "start <serial>", then "committed <serial>" after each write returns (so it is durable).
if (args.Length != 2 || !long.TryParse(args[1], out var maxCommits))
{
    Console.Error.WriteLine("usage: Ikosa.Tests.CrashWriter <game file> <max commits>");
    return 2;
}

var types = new EntityTypeRegistry().Register<CrashSlot>(CrashStream.TypeName);
using var store = new SqliteStore(args[0], types);
using var gate = new ModelGate(types, store, new GateOptions { Budget = Timeout.InfiniteTimeSpan });
var output = Console.Out;
output.WriteLine($"start {gate.Serial}");
output.Flush();
for (var i = 0; i < maxCommits; i++)
{
    var k = gate.Serial + 1;
    gate.Write(tx => CrashStream.Apply(tx, k));
    output.WriteLine($"committed {gate.Serial}");
    output.Flush();
}
return 0;
