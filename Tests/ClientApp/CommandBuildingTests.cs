using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Tests.ClientApp;

/// <summary>Typed arguments to activities and answers, following what the host says an action aims at.</summary>
public class CommandBuildingTests
{
    private static readonly Guid Actor = Guid.NewGuid();
    private static readonly Guid Goblin = Guid.NewGuid();
    private static readonly Guid Orc = Guid.NewGuid();

    private static NameDirectory Names()
    {
        var names = new NameDirectory();
        names.Learn(Goblin, "Goblin 1");
        names.Learn(Orc, "Orc 1");
        return names;
    }

    private static ActionInfo Action(string key, string kind, params Guid[] candidates) => new()
    {
        Key = key,
        Name = key,
        Aiming = [new AimingInfo { Key = kind.ToLowerInvariant(), Kind = kind, Min = 1, Max = 4, Candidates = candidates.ToList() }],
    };

    /// <summary>A room of floor from (0,0) to (5,5) with a wall along x = 2 except a gap at y = 5.</summary>
    private static ViewInfo Room()
    {
        var view = new ViewInfo { Width = 6, Height = 6 };
        for (var x = 0; x < 6; x++)
            for (var y = 0; y < 6; y++)
                view.Visible.Add(new CellInfo { X = x, Y = y, Terrain = x == 2 && y < 5 ? "wall" : "floor" });
        return view;
    }

    [Fact]
    public void A_creature_target_is_resolved_among_the_candidates()
    {
        var (activity, error) = ActivityBuilder.Build(Actor, Action("melee-attack", "Creature", Goblin), ["goblin-1"], Names(), null);
        Assert.Null(error);
        Assert.Equal(Goblin, Assert.Single(Assert.Single(activity!.Targets).Creatures));

        var (refused, why) = ActivityBuilder.Build(Actor, Action("melee-attack", "Creature", Goblin), ["Orc 1"], Names(), null);
        Assert.Null(refused);
        Assert.Contains("not a valid choice", why);
    }

    [Fact]
    public void A_cell_target_needs_two_numbers()
    {
        var (activity, _) = ActivityBuilder.Build(Actor, Action("cast-fireball", "Cell"), ["5", "6"], Names(), null);
        Assert.Equal((5, 6), (activity!.Targets[0].Cells[0].X, activity.Targets[0].Cells[0].Y));
        Assert.NotNull(ActivityBuilder.Build(Actor, Action("cast-fireball", "Cell"), ["5"], Names(), null).Error);
        Assert.NotNull(ActivityBuilder.Build(Actor, Action("cast-fireball", "Cell"), ["x", "y"], Names(), null).Error);
        Assert.NotNull(ActivityBuilder.Build(Actor, Action("cast-fireball", "Cell"), ["1", "2", "3"], Names(), null).Error);
        Assert.NotNull(ActivityBuilder.Build(Actor, Action("cast-fireball", "Cell"), [], Names(), null).Error);
    }

    [Fact]
    public void A_lone_far_destination_becomes_a_path_around_walls_through_known_squares()
    {
        var (activity, error) = ActivityBuilder.Build(Actor, Action("move", "Path"), ["3", "4"], Names(), Room(), new PointInfo { X = 1, Y = 3 });
        Assert.Null(error);
        var path = activity!.Targets[0].Cells.Select(c => (c.X, c.Y)).ToList();
        Assert.Equal((3, 4), path[^1]);
        Assert.Contains((2, 5), path); // the only gap in the wall
        var from = (X: 1, Y: 3);
        foreach (var step in path)
        {
            Assert.True(Math.Abs(step.X - from.X) <= 1 && Math.Abs(step.Y - from.Y) <= 1, $"{step} is not next to {from}");
            from = step;
        }
    }

    [Fact]
    public void Squares_typed_one_by_one_are_sent_as_typed_and_an_unknown_destination_is_refused()
    {
        var (activity, _) = ActivityBuilder.Build(Actor, Action("move", "Path"), ["1", "4", "1", "5"], Names(), Room(), new PointInfo { X = 1, Y = 3 });
        Assert.Equal([(1, 4), (1, 5)], activity!.Targets[0].Cells.Select(c => (c.X, c.Y)));
        Assert.Contains("no known way", ActivityBuilder.Build(Actor, Action("move", "Path"), ["9", "9"], Names(), Room(), new PointInfo { X = 1, Y = 3 }).Error);
    }

    [Fact]
    public void Any_planned_path_steps_one_square_at_a_time_on_floor()
    {
        var room = Room();
        var floor = room.Visible.Where(c => c.Terrain == "floor").Select(c => (c.X, c.Y)).ToHashSet();
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<byte, byte>((a, b) =>
        {
            var start = (X: a % 6, Y: a / 6 % 6);
            var goal = (X: b % 6, Y: b / 6 % 6);
            if (!floor.Contains(start) || start == goal)
                return true;
            var path = PathPlanner.Plan(room, start, goal);
            if (!floor.Contains(goal))
                return path is null;
            if (path is null)
                return false;
            var from = start;
            foreach (var step in path)
            {
                if (Math.Abs(step.X - from.X) > 1 || Math.Abs(step.Y - from.Y) > 1 || !floor.Contains((step.X, step.Y)))
                    return false;
                from = (step.X, step.Y);
            }
            return from == goal;
        }));
    }

    [Theory]
    [InlineData("Roll", "", true, null)]
    [InlineData("Roll", "17", true, null)]
    [InlineData("Roll", "17", false, "physical dice")]
    [InlineData("Roll", "many", true, "physical dice")]
    [InlineData("YesNo", "yes", false, null)]
    [InlineData("YesNo", "perhaps", false, "yes or no")]
    [InlineData("Number", "3", false, null)]
    [InlineData("Choice", "FIRE", false, null)]
    [InlineData("Choice", "water", false, "choose one of")]
    [InlineData("ActNow", "", false, null)]
    [InlineData("ActNow", "delay", false, null)]
    [InlineData("ActNow", "dance", false, "end")]
    public void Answers_fit_the_prompts_kind_or_are_refused_with_a_reason(string kind, string typed, bool physical, string? error)
    {
        var prompt = new PrerequisiteInfo { Id = Guid.NewGuid(), Step = Guid.NewGuid(), Kind = kind, Options = ["fire", "ice"], PhysicalDiceAllowed = physical, Min = 1, Max = 5 };
        var (answer, why) = AnswerBuilder.Build(prompt, typed.Split(' ', StringSplitOptions.RemoveEmptyEntries), Names());
        if (error is null)
        {
            Assert.Null(why);
            Assert.Equal((prompt.Id, prompt.Step), (answer!.Prerequisite, answer.Step));
        }
        else
        {
            Assert.Null(answer);
            Assert.Contains(error, why);
        }
    }

    [Fact]
    public void A_roll_answered_with_nothing_asks_the_host_to_roll()
    {
        var prompt = new PrerequisiteInfo { Id = Guid.NewGuid(), Kind = "SavingThrow", PhysicalDiceAllowed = true };
        Assert.Null(AnswerBuilder.Build(prompt, [], Names()).Answer!.Number);
        Assert.Equal(12, AnswerBuilder.Build(prompt, ["12"], Names()).Answer!.Number);
    }
}
