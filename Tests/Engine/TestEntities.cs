using System.Collections.Concurrent;
using System.Collections.Immutable;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Store;
using Ikosa.Engine.Tasks;
using Ikosa.Engine.Transactions;

namespace Ikosa.Tests.Engine;

public sealed record Creature(EntityId Id, string Name, int HitPoints) : Entity(Id);

public sealed record Item(EntityId Id, string Name, ImmutableList<string> Tags) : Entity(Id);

public sealed record Counter(EntityId Id, long Value) : Entity(Id);

public sealed record HitPointsChanged(EntityId Creature, int HitPoints) : Notification;

public sealed record Ping(long Number) : Notification;

/// <summary>A scheduled task that bumps a counter each time it runs.</summary>
public sealed record BumpCounter(EntityId Id, EntityId CounterId) : ScheduledTask(Id)
{
    public override void Run(Transaction tx)
    {
        var counter = tx.Find<Counter>(CounterId) ?? new Counter(CounterId, 0);
        tx.Put(counter with { Value = counter.Value + 1 });
    }
}

/// <summary>A scheduled task that always fails, to test that failures are contained.</summary>
public sealed record FailingTask(EntityId Id) : ScheduledTask(Id)
{
    public override void Run(Transaction tx) => throw new InvalidOperationException("this task always fails");
}

/// <summary>A scheduled task that adds a new 8 KB item each time it runs, so every run needs new pages in the file; counts its tries.</summary>
public sealed record GrowingTask(EntityId Id) : ScheduledTask(Id)
{
    public static readonly ConcurrentDictionary<EntityId, int> Tries = new();

    public override void Run(Transaction tx)
    {
        Tries.AddOrUpdate(Id, 1, (_, n) => n + 1);
        tx.Put(new Item(EntityId.New(), new string('g', 8192), ImmutableList<string>.Empty));
    }
}

public static class TestEntities
{
    public static EntityTypeRegistry Registry() => new EntityTypeRegistry()
        .Register<Creature>("test.creature")
        .Register<Item>("test.item")
        .Register<Counter>("test.counter")
        .Register<BumpCounter>("test.bump-counter")
        .Register<FailingTask>("test.failing-task")
        .Register<GrowingTask>("test.growing-task");

    public static ModelGate Gate(GateOptions? options = null, IModelStore? store = null) =>
        new(Registry(), store ?? new InMemoryStore(), options);
}
