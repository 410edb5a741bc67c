using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;

namespace Ikosa.Bench.Engine;

public sealed record BenchCreature(EntityId Id, string Name, int HitPoints) : Entity(Id);

public sealed record BenchPing(long Serial) : Notification;

internal static class BenchEntities
{
    public static EntityTypeRegistry Registry() => new EntityTypeRegistry().Register<BenchCreature>("bench.creature");

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
}
