using Ikosa.Contracts;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.ServiceModel;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// A character's view over the wire, as the host keeps it (fields of view shared, cell lists and views cached): after a
/// commit it shows exactly what the character sees then, and a move's view has nothing left to record.
/// </summary>
public class ViewOverTheWireTests
{
    private static readonly Guid Tordek = Sample.Tordek.Value;
    private static readonly Cell Door = new(7, 3); // between the hall and the goblins' room

    [Fact]
    public async Task A_view_shows_the_goblins_only_while_the_door_is_open_and_nothing_once_its_character_is_down()
    {
        await using var game = await LoopbackGame.StartAsync();
        var alice = await game.LoginAsync("alice", Tordek);
        game.Game.Engine.Gate.Write(tx => Placement.Put(tx, tx.Put, tx.Get<Creature>(Sample.Tordek) with { Position = new Cell(6, 3) })); // by the door
        await alice.Client.Visualization.GetViewAsync(Tordek);

        SetDoor(game, Terrain.OpenDoor);
        var open = await alice.Client.Visualization.GetViewAsync(Tordek);
        Assert.Contains(open.Creatures, c => Sample.Goblins.Contains(new(c.Id)));
        Assert.Contains(open.Visible, c => c.X > Door.X);

        SetDoor(game, Terrain.ClosedDoor);
        var closed = await alice.Client.Visualization.GetViewAsync(Tordek);
        Assert.DoesNotContain(closed.Creatures, c => Sample.Goblins.Contains(new(c.Id)));
        Assert.DoesNotContain(closed.Visible, c => c.X > Door.X);
        Assert.Contains(closed.Remembered, c => c.X > Door.X); // the room is remembered, its goblins are not shown

        game.Game.Engine.Gate.Write(tx => tx.Put(tx.Get<Creature>(Sample.Tordek) with { HitPoints = -2 }));
        var down = await alice.Client.Visualization.GetViewAsync(Tordek);
        Assert.Empty(down.Visible);
        Assert.Empty(down.Creatures);
    }

    [Fact]
    public async Task After_its_own_move_a_character_s_view_has_nothing_new_to_record()
    {
        await using var game = await LoopbackGame.StartAsync();
        var alice = await game.LoginAsync("alice", Tordek);
        SetDoor(game, Terrain.OpenDoor);
        var before = await alice.Client.Visualization.GetViewAsync(Tordek);

        // Up to the open door: the goblins' room comes into sight.
        var moved = await alice.Client.Game.DoActionAsync(new ActivityInfo
        {
            Creature = Tordek, ActionKey = "move",
            Targets = [new TargetInfo { Key = "path", Cells = [Point(3, 2), Point(4, 2), Point(5, 2), Point(6, 3)] }],
        });
        Assert.True(moved.Accepted, moved.Error);
        var view = await alice.Client.Visualization.GetViewAsync(Tordek);

        Assert.Contains(view.Visible, c => c.X > Door.X && !before.Visible.Concat(before.Remembered).Any(b => (b.X, b.Y) == (c.X, c.Y)));
        Assert.Equal(moved.Serial, game.Game.Serial); // the move remembered what Tordek sees now: the view wrote nothing
        Assert.Equal(moved.Serial, view.Serial);
    }

    [Fact]
    public async Task A_view_update_leaves_out_the_cells_the_caller_has_until_they_change()
    {
        await using var game = await LoopbackGame.StartAsync();
        var alice = await game.LoginAsync("alice", Tordek);
        var gm = await game.LoginAsync("gm");
        var visualization = alice.Client.Visualization;
        var first = await visualization.GetViewAsync(Tordek);
        Assert.NotEqual(0, first.CellsVersion);
        Assert.False(first.CellsUnchanged);

        // Someone else moves: the creatures are sent, the cells are not.
        var goblin = Sample.Goblins[0].Value;
        Assert.True((await gm.Client.Master!.MoveCreatureAsync(goblin, null, 13, 2)).Accepted);
        var update = await visualization.GetViewUpdateAsync(Tordek, first.CellsVersion);
        Assert.True(update.CellsUnchanged);
        Assert.Empty(update.Visible);
        Assert.Empty(update.Remembered);
        Assert.Equal(first.CellsVersion, update.CellsVersion);
        Assert.Equal(game.Game.Serial, update.Serial);

        // A version the host did not make (or none) gets the whole view.
        var whole = await visualization.GetViewUpdateAsync(Tordek, first.CellsVersion + 1);
        Assert.False(whole.CellsUnchanged);
        Assert.Equal(first.Visible.Select(c => (c.X, c.Y, c.Terrain)), whole.Visible.Select(c => (c.X, c.Y, c.Terrain)));

        // The door opens: the cells changed, so they come with a new version.
        SetDoor(game, Terrain.OpenDoor);
        var opened = await visualization.GetViewUpdateAsync(Tordek, first.CellsVersion);
        Assert.False(opened.CellsUnchanged);
        Assert.NotEqual(first.CellsVersion, opened.CellsVersion);
        Assert.Contains(opened.Visible, c => (c.X, c.Y, c.Terrain) == (Door.X, Door.Y, "door-open"));

        // The update is checked as GetView is: bob does not play Tordek.
        var bob = await game.LoginAsync("bob", Sample.Mialee.Value);
        Assert.Equal("GetViewUpdate", (await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(
            () => bob.Client.Visualization.GetViewUpdateAsync(Tordek, opened.CellsVersion))).Detail.Operation);
    }

    [Fact]
    public async Task The_client_library_reads_whole_views_while_only_changed_cells_travel()
    {
        await using var game = await LoopbackGame.StartAsync();
        var alice = await game.LoginAsync("alice", Tordek);
        var gm = await game.LoginAsync("gm");
        var first = await alice.Client.Views.OfAsync(Tordek);
        Assert.NotEmpty(first.Visible);

        Assert.True((await gm.Client.Master!.MoveCreatureAsync(Sample.Goblins[0].Value, null, 13, 2)).Accepted);
        var again = await alice.Client.Views.OfAsync(Tordek);
        Assert.True(again.CellsUnchanged);
        Assert.Same(first.Visible, again.Visible); // the lists it has: a screen need not redraw the squares
        Assert.Same(first.Remembered, again.Remembered);
        var fresh = await alice.Client.Visualization.GetViewAsync(Tordek);
        Assert.Equal(fresh.Creatures.Select(c => (c.Id, c.X, c.Y)), again.Creatures.Select(c => (c.Id, c.X, c.Y)));

        SetDoor(game, Terrain.OpenDoor);
        var opened = await alice.Client.Views.OfAsync(Tordek);
        Assert.False(opened.CellsUnchanged);
        Assert.Contains(opened.Visible, c => (c.X, c.Y, c.Terrain) == (Door.X, Door.Y, "door-open"));
    }

    [Fact]
    public async Task A_master_reads_the_whole_map_of_any_scene_its_cells_only_when_they_changed_and_only_the_creatures_that_did()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var master = gm.Client.Master!;
        var visualization = gm.Client.Visualization;
        var whole = await visualization.GetMasterViewUpdateAsync(null, 0, 0);
        var scene = Assert.Single(await master.GetScenesAsync());
        Assert.Equal(scene.Width * scene.Height, whole.Visible.Count);
        Assert.Equal(9, whole.Creatures.Count);
        var again = await visualization.GetMasterViewAsync();
        Assert.Equal((whole.CellsVersion, whole.TokensVersion), (again.CellsVersion, again.TokensVersion)); // nothing changed: the same names

        // A goblin moves: the cells stay, and of the creatures only the goblin comes.
        var goblin = Sample.Goblins[0].Value;
        Assert.True((await master.MoveCreatureAsync(goblin, null, 13, 2)).Accepted);
        var moved = await visualization.GetMasterViewUpdateAsync(scene.Id, whole.CellsVersion, whole.TokensVersion);
        Assert.True(moved.CellsUnchanged);
        Assert.Empty(moved.Visible);
        Assert.True(moved.TokensChangedOnly);
        var token = Assert.Single(moved.Creatures);
        Assert.Equal((goblin, 13, 2), (token.Id, token.X, token.Y));
        Assert.Empty(moved.TokensGone ?? []);
        Assert.NotEqual(whole.TokensVersion, moved.TokensVersion);

        // One is taken away, one placed: the new one comes, the other is named gone.
        Assert.True((await master.RemoveCreatureAsync(Sample.Orcs[0].Value)).Accepted);
        var placed = await master.PlaceCreatureAsync(new PlacementInfo { Monster = "Goblin", Name = "Snik", X = 5, Y = 1 });
        var changed = await visualization.GetMasterViewUpdateAsync(null, whole.CellsVersion, moved.TokensVersion);
        Assert.True(changed.TokensChangedOnly);
        Assert.Equal([placed.Id], changed.Creatures.Select(c => c.Id));
        Assert.Equal([Sample.Orcs[0].Value], changed.TokensGone);

        // A version the host no longer keeps (or never made) gets every creature.
        var unknown = await visualization.GetMasterViewUpdateAsync(null, whole.CellsVersion, whole.TokensVersion + 12345);
        Assert.False(unknown.TokensChangedOnly);
        Assert.Equal(9, unknown.Creatures.Count);

        // The client library puts the pieces together: whole views, as GetMasterView gives them.
        await gm.Client.Views.WholeMapAsync();
        Assert.True((await master.MoveCreatureAsync(goblin, null, 14, 2)).Accepted);
        SetDoor(game, Terrain.OpenDoor);
        var read = await gm.Client.Views.WholeMapAsync();
        var fresh = await visualization.GetMasterViewAsync();
        Assert.Contains(read.Visible, c => (c.X, c.Y, c.Terrain) == (Door.X, Door.Y, "door-open"));
        Assert.Equal(fresh.Creatures.Select(c => (c.Id, c.X, c.Y)).Order(), read.Creatures.Select(c => (c.Id, c.X, c.Y)).Order());

        Assert.Equal("scene", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(
            () => visualization.GetMasterViewUpdateAsync(Guid.NewGuid(), 0, 0))).Detail.Argument);
        var alice = await game.LoginAsync("alice", Tordek);
        Assert.Equal("GetMasterViewUpdate", (await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(
            () => alice.Client.Visualization.GetMasterViewUpdateAsync(null, 0, 0))).Detail.Operation);
    }

    private static PointInfo Point(int x, int y) => new() { X = x, Y = y };

    private static void SetDoor(LoopbackGame game, Terrain terrain) =>
        game.Game.Engine.Gate.Write(tx => tx.Put(SceneMap.Of(tx, tx.Get<Creature>(Sample.Tordek).Scene).WithTerrain(Door, terrain)));
}
