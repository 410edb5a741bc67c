using System.Collections.Immutable;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;
using Microsoft.Data.Sqlite;

namespace Ikosa.Tests.Engine;

public class SqliteStoreTests
{
    [Fact]
    public void The_last_committed_state_is_loaded_on_start()
    {
        using var dir = new TempDirectory();
        var file = dir.File("game.ikosa");
        var orc = new Creature(EntityId.New(), "Orc", 7);
        var rope = new Item(EntityId.New(), "rope", ImmutableList.Create("50ft"));
        var gone = new Counter(EntityId.New(), 1);
        using (var store = new SqliteStore(file, TestEntities.Registry()))
        using (var gate = new ModelGate(store.Types(), store))
        {
            gate.Write(tx =>
            {
                tx.Put(orc);
                tx.Put(rope);
                tx.Put(gone);
            });
            gate.Write(tx =>
            {
                tx.Put(orc with { HitPoints = 3 });
                tx.Remove(gone.Id);
            });
            Assert.Throws<InvalidOperationException>(() => gate.Write(tx =>
            {
                tx.Put(orc with { HitPoints = -100 });
                throw new InvalidOperationException("rolled back, never stored");
            }));
        }

        using (var store = new SqliteStore(file, TestEntities.Registry()))
        using (var gate = new ModelGate(store.Types(), store))
        {
            Assert.Equal(2, gate.Serial);
            Assert.Equal(orc with { HitPoints = 3 }, gate.Read(tx => tx.Get<Creature>(orc.Id)));
            Assert.Equal(rope.Tags, gate.Read(tx => tx.Get<Item>(rope.Id).Tags));
            Assert.False(gate.Read(tx => tx.Exists(gone.Id)));
            gate.Write(tx => tx.Put(new Counter(EntityId.New(), 5)));
            Assert.Equal(3, gate.Serial);
        }
    }

    [Fact]
    public void The_file_keeps_only_live_state_so_history_does_not_grow_start_up()
    {
        using var dir = new TempDirectory();
        var file = dir.File("game.ikosa");
        var id = EntityId.New();
        using (var store = new SqliteStore(file, TestEntities.Registry()))
        using (var gate = new ModelGate(store.Types(), store))
        {
            for (var i = 0; i < 300; i++) gate.Write(tx => tx.Put(new Counter(id, i)));
        }

        using var reopened = new SqliteStore(file, TestEntities.Registry());
        var state = reopened.Load();
        Assert.Equal(300, state.Serial);
        Assert.Equal(new Counter(id, 299), Assert.Single(state.Entities));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_clearly()
    {
        using var dir = new TempDirectory();
        var file = dir.File("garbage.ikosa");
        File.WriteAllBytes(file, Enumerable.Range(0, 8192).Select(i => (byte)(i * 37)).ToArray());

        var error = Assert.Throws<StoreRefusedException>(() => new SqliteStore(file, TestEntities.Registry()));
        Assert.Contains("garbage.ikosa", error.Message);
    }

    [Fact]
    public void A_damaged_game_file_is_refused_and_nothing_is_loaded()
    {
        using var dir = new TempDirectory();
        var file = dir.File("game.ikosa");
        using (var store = new SqliteStore(file, TestEntities.Registry()))
        using (var gate = new ModelGate(store.Types(), store))
        {
            for (var i = 0; i < 50; i++)
                gate.Write(tx => tx.Put(new Item(EntityId.New(), new string('x', 500), ImmutableList<string>.Empty)));
        }
        var bytes = File.ReadAllBytes(file);
        Assert.True(bytes.Length > 3 * 4096);
        for (var i = 4096; i < bytes.Length; i++) bytes[i] = 0xEE; // every page after the first
        File.WriteAllBytes(file, bytes);

        Assert.Throws<StoreRefusedException>(() =>
        {
            using var store = new SqliteStore(file, TestEntities.Registry());
            store.Load();
        });
    }

    [Fact]
    public void A_file_with_a_newer_schema_is_refused()
    {
        using var dir = new TempDirectory();
        var file = dir.File("game.ikosa");
        new SqliteStore(file, TestEntities.Registry()).Dispose();
        Sql(file, "PRAGMA user_version = 99");

        var error = Assert.Throws<StoreRefusedException>(() => new SqliteStore(file, TestEntities.Registry()));
        Assert.Contains("newer", error.Message);
    }

    [Fact]
    public void Another_sqlite_database_is_refused()
    {
        using var dir = new TempDirectory();
        var file = dir.File("other.db");
        Sql(file, "CREATE TABLE stuff (x INTEGER)");

        var error = Assert.Throws<StoreRefusedException>(() => new SqliteStore(file, TestEntities.Registry()));
        Assert.Contains("not an Ikosa game file", error.Message);
    }

    [Fact]
    public void An_entity_of_an_unknown_type_refuses_the_whole_load()
    {
        using var dir = new TempDirectory();
        var file = dir.File("game.ikosa");
        using (var store = new SqliteStore(file, TestEntities.Registry()))
        using (var gate = new ModelGate(store.Types(), store))
        {
            gate.Write(tx => tx.Put(new Counter(EntityId.New(), 1)));
        }
        Sql(file, "INSERT INTO entities(id, type, data) VALUES ('" + EntityId.New() + "', 'from.the.future', '{}')");

        using var reopened = new SqliteStore(file, TestEntities.Registry());
        var error = Assert.Throws<StoreRefusedException>(() => new ModelGate(TestEntities.Registry(), reopened));
        Assert.Contains("from.the.future", error.Message);
    }

    [Fact]
    public void A_second_host_cannot_open_a_file_in_use()
    {
        using var dir = new TempDirectory();
        var file = dir.File("game.ikosa");
        using var first = new SqliteStore(file, TestEntities.Registry());
        using var gate = new ModelGate(TestEntities.Registry(), first);
        gate.Write(tx => tx.Put(new Counter(EntityId.New(), 1)));

        Assert.Throws<StoreRefusedException>(() =>
        {
            using var second = new SqliteStore(file, TestEntities.Registry());
            second.Load();
        });
    }

    private static void Sql(string file, string sql)
    {
        SQLitePCL.Batteries_V2.Init();
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

internal static class StoreTestExtensions
{
    public static EntityTypeRegistry Types(this SqliteStore _) => TestEntities.Registry();
}
