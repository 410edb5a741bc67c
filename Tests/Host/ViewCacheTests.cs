using System.Collections.Immutable;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Views;
using Ikosa.Engine.Store;
using Ikosa.Engine.Workflow;
using Ikosa.Host.Game;
using Ikosa.Tests.Rules;

namespace Ikosa.Tests.Host;

/// <summary>
/// A view's cell lists are kept with what they were made from and reused only while all of it is the same: someone else
/// moving changes none of it; the viewer moving, a door, a map edit, new exploration or another scene each make new lists.
/// </summary>
public class ViewCacheTests
{
    private static readonly Actor Alice = Actor.Player("alice");

    [Fact]
    public void The_cells_are_reused_after_someone_else_moves_and_made_again_when_the_viewer_moves()
    {
        using var arena = new Arena(Arena.Open(40, 40));
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(5, 5)), "alice");
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(8, 5)));
        var views = new ViewCache();
        var first = Cells(arena, views, hero);

        Assert.True(arena.Do(goblin, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(9, 5))).Ok);
        var afterGoblin = Cells(arena, views, hero);
        Assert.Same(first.Visible, afterGoblin.Visible);
        Assert.Same(first.Remembered, afterGoblin.Remembered);
        Assert.Equal(first.Version, afterGoblin.Version); // the same lists: a client that has them is not sent them again

        Assert.True(arena.Do(Alice, hero, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(6, 5))).Ok);
        var afterHero = Cells(arena, views, hero);
        Assert.NotSame(first.Visible, afterHero.Visible);
        Assert.NotEqual(first.Version, afterHero.Version);
        AssertAsMadeAfresh(arena, hero, afterHero);
    }

    [Fact]
    public void The_cells_follow_a_door_a_map_edit_out_of_sight_and_a_change_of_scene()
    {
        var rows = Arena.Open(40, 12);
        rows[6] = "#####+" + new string('#', 34);
        using var arena = new Arena(rows);
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(5, 5)), "alice");
        var views = new ViewCache();
        var closed = Cells(arena, views, hero);
        Assert.DoesNotContain(closed.Visible, c => c.Y > 6);

        Assert.True(arena.Do(Alice, hero, "open-door", AimTarget.AtCell(DoorAction.DoorKey, new Cell(5, 6))).Ok);
        var open = Cells(arena, views, hero);
        Assert.Contains(open.Visible, c => (c.X, c.Y, c.Terrain) == (5, 6, "door-open"));
        Assert.Contains(open.Visible, c => c.Y > 6);
        AssertAsMadeAfresh(arena, hero, open);

        // The hero is taken out of sight of the door; someone closes it: what the hero remembers shows the door as it is now.
        arena.Game.Write(tx => Placement.Put(tx, tx.Put, tx.Get<Creature>(hero) with { Position = new Cell(30, 2), SightFeet = 10 }));
        var narrow = Cells(arena, views, hero);
        Assert.Contains(narrow.Remembered, c => (c.X, c.Y, c.Terrain) == (5, 6, "door-open"));
        arena.Game.Write(tx => tx.Put(SceneMap.Of(tx, Scene.Default).WithTerrain(new Cell(5, 6), Terrain.ClosedDoor)));
        AssertAsMadeAfresh(arena, hero, Cells(arena, views, hero));

        var cellar = EntityId.Named("test:scene:view-cellar");
        arena.Game.Write(tx =>
        {
            foreach (var entity in SceneMap.FromRows("cellar", Arena.Open(6, 3), cellar).Entities()) tx.Put(entity);
            Placement.Put(tx, tx.Put, tx.Get<Creature>(hero) with { Scene = cellar, Position = new Cell(1, 1) });
        });
        var below = Cells(arena, views, hero);
        AssertAsMadeAfresh(arena, hero, below);
        Assert.All(below.Visible, c => Assert.True(c.X < 6 && c.Y < 3));
    }

    [Fact]
    public void What_was_newly_seen_shows_as_remembered_once_the_viewer_looks_away_and_nothing_when_it_cannot_see()
    {
        using var arena = new Arena(Arena.Open(60, 10));
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(2, 5)) with { SightFeet = 20 }, "alice");
        var views = new ViewCache();
        Assert.Empty(Cells(arena, views, hero).Remembered);

        foreach (var step in Enumerable.Range(3, 8))
            Assert.True(arena.Do(Alice, hero, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(step, 5))).Ok);
        var walked = Cells(arena, views, hero);
        Assert.Contains(walked.Remembered, c => (c.X, c.Y) == (0, 5));
        AssertAsMadeAfresh(arena, hero, walked);

        arena.Game.Write(tx => tx.Put(tx.Get<Creature>(hero) with { HitPoints = -1 }));
        var unconscious = Cells(arena, views, hero);
        Assert.Empty(unconscious.Visible);
        AssertAsMadeAfresh(arena, hero, unconscious);
    }

    [Fact]
    public void Lists_made_while_nothing_could_be_recorded_are_made_again_once_it_can_and_reused_lists_record_nothing()
    {
        using var arena = new Arena(Arena.Open(40, 10));
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(5, 5)) with { SightFeet = 20 }, "alice");
        var views = new ViewCache();
        var records = 0;
        CellLists Look(bool canSave) => arena.Game.Read(tx =>
        {
            var perception = arena.Rules.GetPerception(tx, Alice, hero)!;
            var map = SceneMap.Of(tx, perception.Viewer.Scene);
            Func<bool>? record = canSave ? () => { records++; return Exploration.Record(tx, tx.Put, hero, map.Id, perception.VisibleCells); } : null;
            return views.CellsOf(tx, map, perception, record);
        });

        var unrecorded = Look(canSave: false);
        Assert.Equal(0, records);
        Assert.Empty(arena.Game.Read(tx => tx.All<ExploredChunk>().ToList()));
        var recorded = Look(canSave: true); // the host can save again: what the hero sees is remembered now
        Assert.True(records >= 1);
        Assert.NotEqual(unrecorded.Version, recorded.Version);
        Assert.NotEmpty(arena.Game.Read(tx => tx.All<ExploredChunk>().ToList()));

        var counted = records;
        Assert.Equal(recorded.Version, Look(canSave: true).Version);
        Assert.Equal(counted, records); // the same lists, made after recording: nothing new to record, not even looked for
    }

    [Fact]
    public void The_masters_whole_map_is_reused_after_a_move_and_made_again_after_a_map_edit()
    {
        var rows = Arena.Open(40, 12);
        rows[6] = "#####+" + new string('#', 34);
        using var arena = new Arena(rows);
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(8, 5)));
        var views = new ViewCache();
        List<CellInfo> WholeMap() => arena.Game.Read(tx => views.WholeMapOf(SceneMap.Of(tx, Scene.Default)).Visible);
        var first = WholeMap();
        Assert.Equal(40 * 12, first.Count);

        Assert.True(arena.Do(goblin, "move", AimTarget.AlongPath(MoveAction.PathKey, new Cell(9, 5))).Ok);
        Assert.Same(first, WholeMap());

        arena.Game.Write(tx => tx.Put(SceneMap.Of(tx, Scene.Default).WithTerrain(new Cell(5, 6), Terrain.OpenDoor)));
        var edited = WholeMap();
        Assert.NotSame(first, edited);
        var expected = arena.Game.Read(tx =>
        {
            var map = SceneMap.Of(tx, Scene.Default);
            return Ikosa.Host.Mapping.GameMapper.ToCells(map, Enumerable.Range(0, 12).SelectMany(y => Enumerable.Range(0, 40).Select(x => new Cell(x, y))));
        });
        Assert.Equal(expected.Select(c => (c.X, c.Y, c.Terrain)), edited.Select(c => (c.X, c.Y, c.Terrain)));
        Assert.Contains(edited, c => (c.X, c.Y, c.Terrain) == (5, 6, "door-open"));
    }

    /// <summary>As the visualization service does: what is seen is remembered (a write when new), then the cells.</summary>
    private static CellLists Cells(Arena arena, ViewCache views, EntityId hero) =>
        arena.Game.Read(tx =>
        {
            var perception = arena.Rules.GetPerception(tx, Alice, hero)!;
            var map = SceneMap.Of(tx, perception.Viewer.Scene);
            return views.CellsOf(tx, map, perception, () => Exploration.Record(tx, tx.Put, hero, map.Id, perception.VisibleCells));
        });

    private static void AssertAsMadeAfresh(Arena arena, EntityId hero, CellLists cells)
    {
        var expected = Expected(arena, hero);
        Assert.Equal(expected.Visible.Select(c => (c.X, c.Y, c.Terrain)), cells.Visible.Select(c => (c.X, c.Y, c.Terrain)));
        Assert.Equal(expected.Remembered.Select(c => (c.X, c.Y, c.Terrain)), cells.Remembered.Select(c => (c.X, c.Y, c.Terrain)));
    }

    /// <summary>The cells made afresh, the slow way: every square seen, then every square remembered and not seen, with its terrain now.</summary>
    private static (List<CellInfo> Visible, List<CellInfo> Remembered) Expected(Arena arena, EntityId hero) =>
        arena.Game.Read(tx =>
        {
            var viewer = tx.Get<Creature>(hero);
            var map = SceneMap.Of(tx, viewer.Scene);
            var seen = Visibility.VisibleCells(map, viewer);
            var remembered = tx.All<ExploredChunk>()
                .Where(b => b.Creature == hero && b.Scene == map.Id)
                .SelectMany(b => Enumerable.Range(0, MapChunk.Size * MapChunk.Size)
                    .Select(i => new Cell(b.ChunkX * MapChunk.Size + i % MapChunk.Size, b.ChunkY * MapChunk.Size + i / MapChunk.Size))
                    .Where(b.Contains))
                .Where(c => map.Contains(c) && !seen.Contains(c))
                .OrderBy(c => c.Y).ThenBy(c => c.X);
            return (Ikosa.Host.Mapping.GameMapper.ToCells(map, seen), Ikosa.Host.Mapping.GameMapper.ToCells(map, remembered));
        });
}
