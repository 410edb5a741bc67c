using System.Collections.Immutable;
using Ikosa.Engine.Model;

namespace Ikosa.Tests.Engine;

public class ModelTests
{
    [Fact]
    public void Put_then_get_returns_the_entity_by_its_stable_id()
    {
        using var gate = TestEntities.Gate();
        var id = EntityId.New();
        gate.Write(tx => tx.Put(new Creature(id, "Orc", 7)));

        var read = gate.Read(tx => tx.Get<Creature>(id));

        Assert.Equal(new Creature(id, "Orc", 7), read);
        Assert.Equal(1, gate.Serial);
    }

    [Fact]
    public void Get_of_a_missing_or_other_typed_entity_throws_a_clear_error()
    {
        using var gate = TestEntities.Gate();
        var id = EntityId.New();
        gate.Write(tx => tx.Put(new Counter(id, 1)));

        var error = Assert.Throws<EntityNotFoundException>(() => gate.Read(tx => tx.Get<Creature>(id)));
        Assert.Contains(id.ToString(), error.Message);
        Assert.Null(gate.Read(tx => tx.Find<Creature>(EntityId.New())));
    }

    [Fact]
    public void All_returns_entities_of_the_type_and_its_subtypes_only()
    {
        using var gate = TestEntities.Gate();
        gate.Write(tx =>
        {
            tx.Put(new Creature(EntityId.New(), "a", 1));
            tx.Put(new Creature(EntityId.New(), "b", 2));
            tx.Put(new Counter(EntityId.New(), 3));
        });

        Assert.Equal(2, gate.Read(tx => tx.All<Creature>().Count()));
        Assert.Equal(3, gate.Read(tx => tx.All<Entity>().Count()));
    }

    [Fact]
    public void A_writer_may_change_entities_while_walking_them()
    {
        using var gate = TestEntities.Gate();
        gate.Write(tx =>
        {
            for (var i = 0; i < 5; i++) tx.Put(new Creature(EntityId.New(), "c" + i, i));
        });

        gate.Write(tx =>
        {
            foreach (var c in tx.All<Creature>()) tx.Put(c with { HitPoints = 100 });
        });

        Assert.All(gate.Read(tx => tx.All<Creature>().ToList()), c => Assert.Equal(100, c.HitPoints));
    }

    [Fact]
    public void Named_ids_are_stable_and_distinct()
    {
        Assert.Equal(EntityId.Named("turn-order"), EntityId.Named("turn-order"));
        Assert.NotEqual(EntityId.Named("turn-order"), EntityId.Named("map"));
        var id = EntityId.New();
        Assert.Equal(id, EntityId.Parse(id.ToString()));
        Assert.Throws<FormatException>(() => EntityId.Parse("not-a-guid"));
    }

    [Fact]
    public void Unregistered_types_cannot_enter_the_model()
    {
        using var gate = TestEntities.Gate();
        var error = Assert.Throws<InvalidOperationException>(() => gate.Write(tx => tx.Put(new Unregistered(EntityId.New()))));
        Assert.Contains("not registered", error.Message);
        Assert.Equal(0, gate.Serial);
    }

    [Fact]
    public void Registry_refuses_mutable_entity_types_and_name_clashes()
    {
        var registry = TestEntities.Registry();
        Assert.Throws<ArgumentException>(() => registry.Register<WithSetter>("x.setter"));
        Assert.Throws<ArgumentException>(() => registry.Register<WithList>("x.list"));
        Assert.Throws<ArgumentException>(() => registry.Register<WithArray>("x.array"));
        Assert.Throws<ArgumentException>(() => registry.Register<Unregistered>("test.creature"));
        registry.Register<WithImmutableList>("x.immutable");
        Assert.Equal(typeof(WithImmutableList), registry.TypeOf("x.immutable"));
    }

    [Fact]
    public void Registry_round_trips_an_entity_through_json()
    {
        var registry = TestEntities.Registry();
        var item = new Item(EntityId.New(), "Sword", ImmutableList.Create("sharp", "steel"));

        var back = (Item)registry.Deserialize("test.item", registry.Serialize(item));

        Assert.Equal(item.Id, back.Id);
        Assert.Equal(item.Tags, back.Tags);
    }

    private sealed record Unregistered(EntityId Id) : Entity(Id);

    private sealed record WithSetter(EntityId Id) : Entity(Id)
    {
        public int Hp { get; set; }
    }

    private sealed record WithList(EntityId Id, List<int> Values) : Entity(Id);

    private sealed record WithArray(EntityId Id, int[] Values) : Entity(Id);

    private sealed record WithImmutableList(EntityId Id, ImmutableList<int> Values) : Entity(Id);
}
