using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Magic;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Store;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow;

namespace Ikosa.Tests.Rules;

/// <summary>Several scenes per game, each map kept in small chunks with an index of who stands where.</summary>
public class SceneTests
{
    private static readonly EntityId Cellar = EntityId.Named("test:scene:cellar");

    private static void AddScene(Arena arena, EntityId id, string name, IReadOnlyList<string> rows) =>
        arena.Game.Write(tx =>
        {
            foreach (var entity in SceneMap.FromRows(name, rows, id).Entities()) tx.Put(entity);
        });

    [Fact]
    public void A_creature_in_another_scene_is_not_seen_not_in_the_way_and_not_caught_in_an_area()
    {
        using var arena = new Arena();
        AddScene(arena, Cellar, "cellar", Arena.Open(10, 10));
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(1, 1)), "alice");
        var below = arena.Add(Arena.Goblin("Below", new Cell(3, 1)) with { Scene = Cellar });
        var alice = Actor.Player("alice");

        Assert.Empty(arena.Game.Read(tx => arena.Rules.GetPerception(tx, alice, hero))!.VisibleCreatures);
        Assert.Null(arena.Game.Read(tx => arena.Rules.GetCreature(tx, alice, below)));
        Assert.DoesNotContain(arena.Game.Read(tx => Fireball.CaughtIn(tx, SceneMap.Of(tx, Scene.Default), new Cell(3, 1))), c => c.Id == below);
        Assert.True(arena.Do(alice, hero, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(2, 1), new Cell(3, 1), new Cell(4, 1))).Ok);
        Assert.Equal(new Cell(4, 1), arena.Get(hero).Position);
        Assert.Equal([below], arena.Game.Read(tx => Fireball.CaughtIn(tx, SceneMap.Of(tx, Cellar), new Cell(3, 1))).Select(c => c.Id));
    }

    [Fact]
    public void The_index_follows_a_creature_across_blocks_and_scenes()
    {
        using var arena = new Arena(Arena.Open(70, 70));
        AddScene(arena, Cellar, "cellar", Arena.Open(10, 10));
        var runner = arena.Add(Arena.Fighter("Runner", new Cell(30, 30)) with { Speed = 60 });
        var watcher = arena.Add(Arena.Goblin("Watcher", new Cell(40, 30)));

        Assert.True(arena.Do(runner, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(31, 30), new Cell(32, 30), new Cell(33, 30))).Ok);

        arena.Game.Read(tx =>
        {
            Assert.Equal([runner], Placement.At(tx, Scene.Default, new Cell(33, 30)).Select(c => c.Id));
            Assert.Empty(Placement.At(tx, Scene.Default, new Cell(30, 30)));
            Assert.DoesNotContain(runner, tx.Get<ChunkOccupants>(ChunkOccupants.KeyFor(Scene.Default, 0, 0)).Creatures);
            Assert.Equal([runner, watcher], Placement.Near(tx, Scene.Default, new Cell(36, 30), 4).Select(c => c.Id).OrderBy(id => id == runner ? 0 : 1));
            return 0;
        });
        arena.Game.Write(tx => Placement.Put(tx, tx.Put, tx.Get<Creature>(runner) with { Scene = Cellar, Position = new Cell(2, 2) }));
        arena.Game.Read(tx =>
        {
            Assert.DoesNotContain(Placement.Near(tx, Scene.Default, new Cell(33, 30), 5), c => c.Id == runner);
            Assert.Equal([runner], Placement.At(tx, Cellar, new Cell(2, 2)).Select(c => c.Id));
            return 0;
        });
    }

    [Fact]
    public void On_a_big_map_a_door_opened_rewrites_one_small_chunk_and_a_short_move_only_the_creature()
    {
        var store = new RecordingStore();
        var rows = Arena.Open(256, 256);
        rows[101] = new string('.', 100) + "+" + new string('.', 155);
        using var arena = new Arena(rows, store: store);
        var opener = arena.Add(Arena.Fighter("Opener", new Cell(100, 100)));

        store.Commits.Clear();
        Assert.True(arena.Do(opener, "open-door", AimTarget.AtCell(DoorAction.DoorKey, new Cell(100, 101))).Ok);
        var chunks = store.Changed<MapChunk>();
        var chunk = Assert.Single(chunks);
        Assert.Equal(Terrain.OpenDoor, chunk.TerrainAt(new Cell(100, 101)));
        Assert.True(arena.Game.Types.Serialize(chunk).Length < 2_000, "a chunk is about a kilobyte");
        Assert.Empty(store.Changed<Scene>());

        store.Commits.Clear();
        Assert.True(arena.Do(opener, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(99, 100), new Cell(98, 100))).Ok);
        Assert.Empty(store.Changed<MapChunk>());
        Assert.Empty(store.Changed<ChunkOccupants>());
        Assert.Single(store.Changed<Creature>());
    }

    [Fact]
    public void A_game_saved_before_scenes_opens_with_its_map_as_the_default_scene_and_its_creatures_indexed()
    {
        using var game = new Ikosa.Tests.Workflow.TestGame();
        var old = Arena.Goblin("Old", new Cell(2, 1));
        game.Write(tx =>
        {
            tx.Put(new LegacyMap(EntityId.Named("rules.map"), "old hall", 4, 3, [new Cell(0, 0), new Cell(1, 0)], [new LegacyDoor(new Cell(3, 1), IsOpen: false)]));
            tx.Put(old); // as games were saved before the index existed
        });

        game.Write(tx => game.Rules.Initialize(tx, ["gm"]));

        game.Read(tx =>
        {
            var map = SceneMap.Of(tx, Scene.Default);
            Assert.Equal(["##..", "...+", "...."], map.Rows());
            Assert.Equal("old hall", map.Name);
            Assert.Empty(tx.All<LegacyMap>());
            Assert.Equal([old.Id], Placement.At(tx, Scene.Default, new Cell(2, 1)).Select(c => c.Id));
            return 0;
        });
    }

    /// <summary>A store that keeps nothing but what each commit changed.</summary>
    private sealed class RecordingStore : IModelStore
    {
        public List<CommittedTransaction> Commits { get; } = new();

        public IEnumerable<T> Changed<T>() where T : Entity =>
            Commits.SelectMany(c => c.Changes).Select(c => c.After).OfType<T>();

        public StoredState Load() => StoredState.Empty;

        public void Commit(IReadOnlyList<CommittedTransaction> commits) => Commits.AddRange(commits);

        public void Dispose()
        {
        }
    }
}
