using Ikosa.Contracts;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
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

    private static PointInfo Point(int x, int y) => new() { X = x, Y = y };

    private static void SetDoor(LoopbackGame game, Terrain terrain) =>
        game.Game.Engine.Gate.Write(tx => tx.Put(SceneMap.Of(tx, tx.Get<Creature>(Sample.Tordek).Scene).WithTerrain(Door, terrain)));
}
