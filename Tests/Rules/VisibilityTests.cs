using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow;

namespace Ikosa.Tests.Rules;

public class VisibilityTests
{
    private static readonly SceneMap Room = SceneMap.FromRows("room",
    [
        "..........",
        "..........",
        "....#.....",
        "....#.....",
        "....+.....",
        "##.##.....",
    ]);

    [Fact]
    public void Walls_and_closed_doors_block_the_line_and_open_doors_do_not()
    {
        Assert.True(LineOfSight.IsClear(Room, new Cell(0, 0), new Cell(9, 0)));
        Assert.False(LineOfSight.IsClear(Room, new Cell(2, 3), new Cell(7, 3)));
        Assert.False(LineOfSight.IsClear(Room, new Cell(2, 4), new Cell(7, 4)));
        var opened = SceneMap.FromRows("room", [.. Room.Rows().Select((row, y) => y == 4 ? row.Replace('+', '/') : row)]);
        Assert.True(LineOfSight.IsClear(opened, new Cell(2, 4), new Cell(7, 4)));
        Assert.True(LineOfSight.IsClear(Room, new Cell(4, 2), new Cell(4, 2)));
    }

    [Fact]
    public void A_line_through_a_corner_squeezes_by_unless_both_sides_are_blocked()
    {
        var corner = SceneMap.FromRows("corner", [".#.", "#..", "..."]);
        var oneSide = SceneMap.FromRows("one side", [".#.", "...", "..."]);

        Assert.False(LineOfSight.IsClear(corner, new Cell(0, 0), new Cell(2, 2)));
        Assert.True(LineOfSight.IsClear(oneSide, new Cell(0, 0), new Cell(2, 2)));
    }

    [Fact]
    public void Line_of_sight_is_the_same_both_ways()
    {
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<int[]>(numbers =>
        {
            if (numbers.Length < 4) return true;
            var a = new Cell(Math.Abs(numbers[0] % 10), Math.Abs(numbers[1] % 6));
            var b = new Cell(Math.Abs(numbers[2] % 10), Math.Abs(numbers[3] % 6));
            return LineOfSight.IsClear(Room, a, b) == LineOfSight.IsClear(Room, b, a);
        }));
    }

    [Fact]
    public void Each_creature_sees_its_own_cells_and_creatures_and_a_player_only_what_their_creatures_see()
    {
        using var arena = new Arena(
        [
            "......",
            "......",
            "###+##",
            "......",
        ]);
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(1, 0)), "alice");
        var friend = arena.Add(Arena.Fighter("Friend", new Cell(4, 1)), "bob");
        var lurker = arena.Add(Arena.Goblin("Lurker", new Cell(3, 3)));
        var alice = Actor.Player("alice");

        var view = arena.Game.Read(tx => arena.Rules.GetPerception(tx, alice, hero))!;

        Assert.Contains(new Cell(5, 1), view.VisibleCells);
        Assert.Contains(new Cell(3, 2), view.VisibleCells);
        Assert.DoesNotContain(new Cell(3, 3), view.VisibleCells);
        Assert.Equal(["Friend"], view.VisibleCreatures.Select(c => c.Name));
        Assert.Null(arena.Game.Read(tx => arena.Rules.GetPerception(tx, alice, friend)));
        Assert.Null(arena.Game.Read(tx => arena.Rules.GetCreature(tx, alice, lurker)));
        Assert.NotNull(arena.Game.Read(tx => arena.Rules.GetCreature(tx, Arena.Gm, lurker)));

        Assert.True(arena.Do(alice, hero, "move", AimTarget.AlongPath("path", new Cell(2, 1), new Cell(3, 1))).Ok);
        Assert.True(arena.Do(alice, hero, "open-door", AimTarget.AtCell("door", new Cell(3, 2))).Ok);

        Assert.NotNull(arena.Game.Read(tx => arena.Rules.GetCreature(tx, alice, lurker)));
        Assert.Contains(lurker, arena.Game.Read(tx => arena.Rules.GetPerception(tx, alice, hero))!.VisibleCreatures.Select(c => c.Id));
    }

    [Fact]
    public void A_player_s_turn_tracker_leaves_out_combatants_none_of_their_creatures_can_see()
    {
        using var arena = new Arena(
        [
            "......",
            "###+##",
            "......",
        ]);
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(1, 0)), "alice");
        var lurker = arena.Add(Arena.Goblin("Lurker", new Cell(3, 2)));
        arena.Dice.Enqueue(15, 3);
        arena.StartCombat(lurker, hero);
        arena.Answer(Actor.Player("alice"), arena.Pending(Actor.Player("alice")).Single(), new Ikosa.Engine.Workflow.Answers.RollAnswer());

        var forAlice = arena.Game.Read(tx => arena.Rules.GetTurnTracker(tx, Actor.Player("alice")));
        var forMaster = arena.Game.Read(tx => arena.Rules.GetTurnTracker(tx, Arena.Gm));

        Assert.Equal(["Hero"], forAlice.Order.Select(e => e.Name));
        Assert.Null(forAlice.Current);
        Assert.Equal(["Lurker", "Hero"], forMaster.Order.Select(e => e.Name));
        Assert.Equal(lurker, forMaster.Current);
    }
}
