using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Views;
using Ikosa.Engine.Workflow;

namespace Ikosa.Tests.Rules;

/// <summary>What creatures remember of a map is kept per 32x32 block, so that exploring rewrites only the blocks where something is new.</summary>
public class ExplorationTests
{
    [Fact]
    public void A_played_creature_remembers_what_it_sees_where_it_moves_and_a_step_rewrites_only_the_blocks_with_new_squares()
    {
        using var arena = new Arena(Arena.Open(256, 256));
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(100, 100)), "alice");
        var alice = Actor.Player("alice");

        Assert.True(arena.Do(alice, hero, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(101, 100))).Ok);
        var first = Blocks(arena, hero);
        Assert.Equal<(int, int)>([(2, 2), (3, 2), (2, 3), (3, 3)], first.Keys);
        Assert.All(first.Values, block =>
        {
            var stored = arena.Game.Types.Serialize(block);
            Assert.True(stored.Length < 1_000, "a block is about half a kilobyte");
            var back = Assert.IsType<ExploredChunk>(arena.Game.Types.Deserialize(arena.Game.Types.NameOf(typeof(ExploredChunk)), stored));
            Assert.Equal(block.Seen.AsEnumerable(), back.Seen.AsEnumerable());
            Assert.Equal((block.Creature, block.Scene, block.ChunkX, block.ChunkY), (back.Creature, back.Scene, back.ChunkX, back.ChunkY));
        });
        var seen = arena.Game.Read(tx => Visibility.VisibleCells(SceneMap.Of(tx, Scene.Default), tx.Get<Creature>(hero)));
        Assert.All(seen, cell => Assert.True(first[MapChunk.Of(cell)].Contains(cell)));

        Assert.True(arena.Do(alice, hero, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(102, 100))).Ok);
        var second = Blocks(arena, hero);
        Assert.Same(first[(2, 2)], second[(2, 2)]); // nothing new to the west
        Assert.Same(first[(2, 3)], second[(2, 3)]);
        Assert.NotSame(first[(3, 2)], second[(3, 2)]); // the edge of sight moved one square east
        Assert.NotSame(first[(3, 3)], second[(3, 3)]);
        Assert.True(second[(3, 2)].Contains(new Cell(121, 90)));
        Assert.False(first[(3, 2)].Contains(new Cell(121, 90)));

        Assert.True(arena.Do(alice, hero, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(101, 100))).Ok);
        var third = Blocks(arena, hero);
        Assert.Equal(second.Keys, third.Keys);
        Assert.All(second.Keys, key => Assert.Same(second[key], third[key])); // back where it has been: nothing rewritten
    }

    [Fact]
    public void A_creature_nobody_plays_remembers_nothing_of_its_moves()
    {
        using var arena = new Arena(Arena.Open(20, 20));
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(5, 5)));

        Assert.True(arena.Do(goblin, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(6, 5))).Ok);

        Assert.Empty(Blocks(arena, goblin));
    }

    [Fact]
    public void Recording_in_a_read_becomes_a_write_only_when_something_is_new()
    {
        using var arena = new Arena(Arena.Open(20, 20));
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(5, 5)), "alice");
        bool Look() => arena.Game.Read(tx => Exploration.Record(tx, tx.Put, hero, Scene.Default,
            Visibility.VisibleCells(SceneMap.Of(tx, Scene.Default), tx.Get<Creature>(hero))));
        var serial = arena.Game.Gate.Serial;

        Assert.True(Look());
        Assert.Equal(serial + 1, arena.Game.Gate.Serial);
        Assert.False(Look());
        Assert.Equal(serial + 1, arena.Game.Gate.Serial);
    }

    [Fact]
    public void What_is_remembered_reads_row_by_row_across_blocks_and_only_within_the_scene()
    {
        var scene = EntityId.Named("test:scene:explored");
        var map = SceneMap.FromRows("wide", Arena.Open(40, 3), scene);
        var creature = EntityId.New();
        var cells = new[] { new Cell(35, 2), new Cell(1, 0), new Cell(33, 0), new Cell(31, 1), new Cell(0, 2) };
        var blocks = new ExploredChunk?[map.ChunksAcross * map.ChunksDown];
        foreach (var cell in cells)
        {
            var (x, y) = MapChunk.Of(cell);
            blocks[y * map.ChunksAcross + x] = (blocks[y * map.ChunksAcross + x] ?? ExploredChunk.Empty(creature, scene, x, y)).With([cell]);
        }

        Assert.Equal<Cell>([new Cell(1, 0), new Cell(33, 0), new Cell(31, 1), new Cell(0, 2), new Cell(35, 2)], Exploration.Remembered(map, blocks));
        var block = blocks[0]!;
        Assert.Same(block, block.With([new Cell(1, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => block.With([new Cell(32, 0)]));
    }

    private static SortedDictionary<(int, int), ExploredChunk> Blocks(Arena arena, EntityId creature) =>
        new(arena.Game.Read(tx => tx.All<ExploredChunk>().Where(b => b.Creature == creature).ToDictionary(b => (b.ChunkX, b.ChunkY))),
            Comparer<(int, int)>.Create((a, b) => a.Item2 != b.Item2 ? a.Item2.CompareTo(b.Item2) : a.Item1.CompareTo(b.Item1)));
}
