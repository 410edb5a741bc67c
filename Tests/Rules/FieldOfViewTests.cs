using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow;

namespace Ikosa.Tests.Rules;

/// <summary>
/// Fields of view are computed once per square and shared while the terrain around is the same: they must answer exactly
/// what the line-of-sight rule answers, and be made again whenever that answer could have changed.
/// </summary>
public class FieldOfViewTests
{
    [Fact]
    public void A_field_of_view_sees_exactly_the_squares_in_sight_with_a_clear_line()
    {
        var random = new Random(7);
        for (var round = 0; round < 60; round++)
        {
            var (width, height) = (random.Next(1, 45), random.Next(1, 45));
            var rows = Enumerable.Range(0, height).Select(_ => new string(Enumerable.Range(0, width).Select(_ => random.Next(10) switch
            {
                0 => '#',
                1 => '+',
                2 => '/',
                3 => '~',
                _ => '.',
            }).ToArray())).ToList();
            var map = SceneMap.FromRows("random", rows, EntityId.New());
            var origin = new Cell(random.Next(width), random.Next(height));
            var reach = random.Next(0, 30);

            var field = FieldOfView.Of(map, origin, reach);

            var expected = new List<Cell>();
            for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var cell = new Cell(x, y);
                var sees = cell == origin || (origin.DistanceFeetTo(cell) <= reach * Cell.Feet && LineOfSight.IsClear(map, origin, cell));
                Assert.True(sees == field.Contains(cell), $"round {round}: {cell} from {origin}, reach {reach}");
                if (sees) expected.Add(cell);
            }
            Assert.Equal<Cell>(expected, field.Cells);
            Assert.False(field.Contains(new Cell(-1, 0)));
            Assert.False(field.Contains(new Cell(width, height)));
        }
    }

    [Fact]
    public void A_creature_sees_what_its_sight_reaches_even_when_its_feet_are_not_a_multiple_of_five_and_nothing_with_none()
    {
        var map = SceneMap.FromRows("hall", Arena.Open(20, 3), EntityId.New());
        var hero = Arena.Fighter("Hero", new Cell(0, 1)) with { Scene = map.Id, SightFeet = 14 };

        Assert.Equal<Cell>([new Cell(0, 0), new Cell(1, 0), new Cell(2, 0), new Cell(0, 1), new Cell(1, 1), new Cell(2, 1), new Cell(0, 2), new Cell(1, 2), new Cell(2, 2)],
            Visibility.VisibleCells(map, hero));
        Assert.Equal<Cell>([new Cell(0, 1)], Visibility.VisibleCells(map, hero with { SightFeet = 0 }));
        Assert.Empty(Visibility.VisibleCells(map, hero with { SightFeet = -10 }));
        Assert.True(Visibility.CanSee(map, hero with { SightFeet = -10 }, new Cell(0, 1)));
    }

    [Fact]
    public void Viewers_on_one_square_share_a_field_and_a_move_makes_only_the_mover_s_new_one()
    {
        using var arena = new Arena(Arena.Open(60, 60));
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(10, 10)), "alice");
        var watcher = arena.Add(Arena.Goblin("Watcher", new Cell(20, 10)), "bob");
        var (heroField, watcherField) = arena.Game.Read(tx =>
        {
            var map = SceneMap.Of(tx, Scene.Default);
            return (Visibility.FieldOf(map, tx.Get<Creature>(hero)), Visibility.FieldOf(map, tx.Get<Creature>(watcher)));
        });
        Assert.Same(heroField, arena.Game.Read(tx => FieldOfView.Of(SceneMap.Of(tx, Scene.Default), new Cell(10, 10), 24)));

        Assert.True(arena.Do(Actor.Player("alice"), hero, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(11, 10))).Ok);

        arena.Game.Read(tx =>
        {
            var map = SceneMap.Of(tx, Scene.Default);
            var moved = Visibility.FieldOf(map, tx.Get<Creature>(hero))!;
            Assert.NotSame(heroField, moved);
            Assert.Equal(new Cell(11, 10), moved.Origin);
            Assert.Same(watcherField, Visibility.FieldOf(map, tx.Get<Creature>(watcher)));
            Assert.Same(heroField, FieldOfView.Of(map, new Cell(10, 10), 24));
            return 0;
        });
    }

    [Fact]
    public void Opening_and_closing_a_door_in_reach_changes_what_is_seen_and_one_out_of_reach_does_not()
    {
        var rows = Arena.Open(64, 20);
        rows[5] = "########+####" + new string('#', 17) + "+" + new string('#', 33); // a wall with doors at (8,5) and (30,5)
        using var arena = new Arena(rows);
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(8, 4)) with { SightFeet = 50 }, "alice"); // reaches 10 squares
        var door = new Cell(8, 5);
        var behind = new Cell(8, 7);
        FieldOfView Field() => arena.Game.Read(tx => Visibility.FieldOf(SceneMap.Of(tx, Scene.Default), tx.Get<Creature>(hero))!);
        var closed = Field();

        SetDoor(arena, new Cell(30, 5), Terrain.OpenDoor); // in the same chunk, beyond the hero's sight
        var farDoorOpen = Field();
        Assert.Equal<Cell>(closed.Cells, farDoorOpen.Cells);

        Assert.False(closed.Contains(behind));
        Assert.True(arena.Do(Actor.Player("alice"), hero, "open-door", AimTarget.AtCell(DoorAction.DoorKey, door)).Ok);
        var open = Field();
        Assert.True(open.Contains(behind));
        Assert.True(open.Cells.Length > closed.Cells.Length);

        Assert.True(arena.Do(Actor.Player("alice"), hero, "close-door", AimTarget.AtCell(DoorAction.DoorKey, door)).Ok);
        Assert.Equal<Cell>(closed.Cells, Field().Cells);
    }

    [Fact]
    public void A_door_opened_in_a_write_that_is_rolled_back_leaves_the_field_as_it_was()
    {
        var rows = Arena.Open(10, 10);
        rows[5] = "####+#####";
        using var arena = new Arena(rows);
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(4, 2)), "alice");
        var before = arena.Game.Read(tx => Visibility.VisibleCells(SceneMap.Of(tx, Scene.Default), tx.Get<Creature>(hero)));

        Assert.Throws<InvalidOperationException>(() => arena.Game.Write(tx =>
        {
            var map = SceneMap.Of(tx, Scene.Default);
            tx.Put(map.WithTerrain(new Cell(4, 5), Terrain.OpenDoor));
            Assert.Contains(new Cell(4, 7), Visibility.VisibleCells(SceneMap.Of(tx, Scene.Default), tx.Get<Creature>(hero)));
            throw new InvalidOperationException("changed my mind");
        }));

        Assert.Equal<Cell>(before, arena.Game.Read(tx => Visibility.VisibleCells(SceneMap.Of(tx, Scene.Default), tx.Get<Creature>(hero))));
        Assert.DoesNotContain(new Cell(4, 7), before);
    }

    [Fact]
    public void A_wall_built_or_knocked_down_is_seen_at_once()
    {
        using var arena = new Arena(Arena.Open(10, 10));
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(1, 1)), "alice");
        var lurker = arena.Add(Arena.Goblin("Lurker", new Cell(5, 1)));
        IReadOnlyList<EntityId> Seen() => arena.Game.Read(tx => arena.Rules.GetPerception(tx, Actor.Player("alice"), hero)!.VisibleCreatures.Select(c => c.Id).ToList());
        Assert.Equal([lurker], Seen());

        SetDoor(arena, new Cell(3, 1), Terrain.Wall);
        Assert.Empty(Seen());
        Assert.DoesNotContain(new Cell(5, 1), arena.Game.Read(tx => arena.Rules.GetPerception(tx, Actor.Player("alice"), hero)!.VisibleCells));

        SetDoor(arena, new Cell(3, 1), Terrain.Floor);
        Assert.Equal([lurker], Seen());
    }

    [Fact]
    public void A_creature_that_changes_scene_sees_the_new_one_and_nothing_of_the_old()
    {
        var cellar = EntityId.Named("test:scene:fov-cellar");
        using var arena = new Arena(Arena.Open(10, 10));
        arena.Game.Write(tx =>
        {
            foreach (var entity in SceneMap.FromRows("cellar", ["....#", "....#"], cellar).Entities()) tx.Put(entity);
        });
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(1, 1)), "alice");
        var upstairs = arena.Add(Arena.Goblin("Upstairs", new Cell(3, 1)));
        var downstairs = arena.Add(Arena.Goblin("Downstairs", new Cell(3, 0)) with { Scene = cellar });

        arena.Game.Write(tx => Placement.Put(tx, tx.Put, tx.Get<Creature>(hero) with { Scene = cellar, Position = new Cell(0, 0) }));

        var view = arena.Game.Read(tx => arena.Rules.GetPerception(tx, Actor.Player("alice"), hero))!;
        Assert.Equal([downstairs], view.VisibleCreatures.Select(c => c.Id));
        Assert.All(view.VisibleCells, c => Assert.True(c.X < 5 && c.Y < 2, $"{c} is not a square of the cellar"));
        Assert.False(arena.Game.Read(tx => Visibility.UserSees(tx, "alice", Scene.Default, new Cell(3, 1))));
        Assert.Null(arena.Game.Read(tx => arena.Rules.GetCreature(tx, Actor.Player("alice"), upstairs)));
    }

    [Fact]
    public void A_character_that_falls_unconscious_or_dies_sees_nothing_and_its_player_hears_of_nothing_it_cannot_see()
    {
        using var arena = new Arena(Arena.Open(10, 10));
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(1, 1)), "alice");
        var friend = arena.Add(Arena.Fighter("Friend", new Cell(1, 8)), "bob");
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(5, 1)));
        var alice = Actor.Player("alice");
        Assert.Contains(goblin, arena.Game.Read(tx => arena.Rules.GetPerception(tx, alice, hero)!.VisibleCreatures.Select(c => c.Id)));

        foreach (var hitPoints in new[] { -3, -10 })
        {
            arena.Game.Write(tx => tx.Put(tx.Get<Creature>(hero) with { HitPoints = hitPoints }));
            arena.Game.Notifications.Clear();

            Assert.True(arena.Do(goblin, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(5, 2))).Ok);

            var view = arena.Game.Read(tx => arena.Rules.GetPerception(tx, alice, hero))!;
            Assert.Empty(view.VisibleCells);
            Assert.Empty(view.VisibleCreatures);
            Assert.Null(arena.Game.Read(tx => arena.Rules.GetCreature(tx, alice, goblin)));
            Assert.Empty(arena.Game.Notifications.To<CreatureMoved>("alice"));
            Assert.Contains(arena.Game.Notifications.To<CreatureMoved>("bob"), moved => moved.Creature == goblin);
            arena.Game.Write(tx => Placement.Put(tx, tx.Put, tx.Get<Creature>(goblin) with { Position = new Cell(5, 1) }));
        }
        Assert.NotNull(arena.Game.Read(tx => arena.Rules.GetPerception(tx, Actor.Player("bob"), friend)));
    }

    private static void SetDoor(Arena arena, Cell cell, Terrain terrain) =>
        arena.Game.Write(tx => tx.Put(SceneMap.Of(tx, Scene.Default).WithTerrain(cell, terrain)));
}
