using Ikosa.Engine.Model;
using Ikosa.Engine.Transactions;

namespace Ikosa.Tests.CrashWriter;

/// <summary>One entity of the crash stream; the test defines the same shape under the same type name.</summary>
public sealed record CrashSlot(EntityId Id, long Value, string Padding) : Entity(Id);

/// <summary>
/// The stream of writes: commit k sets the head to k, sets slot k % 7 to k, and removes slot (k + 3) % 7,
/// so every commit touches several entities and a torn commit would show.
/// </summary>
public static class CrashStream
{
    public const string TypeName = "crash.slot";

    public static EntityId Head { get; } = EntityId.Named("crash.head");

    /// <summary>What the writes refused during an outage would add; never in the file.</summary>
    public static EntityId Outage { get; } = EntityId.Named("crash.outage");

    public static EntityId Slot(long i) => EntityId.Named("crash.slot." + i);

    public static void Apply(Transaction tx, long k)
    {
        var padding = new string((char)('a' + k % 26), 200);
        tx.Put(new CrashSlot(Head, k, padding));
        tx.Put(new CrashSlot(Slot(k % 7), k, padding));
        tx.Remove(Slot((k + 3) % 7));
    }
}
