using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Combat;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Tests.Workflow;

namespace Ikosa.Tests.Rules;

public class MovementTests
{
    private static readonly Actor Alice = Actor.Player("alice");
    private static readonly Actor Bob = Actor.Player("bob");

    private static AimTarget Path(params (int X, int Y)[] cells) =>
        AimTarget.AlongPath(MoveAction.PathKey, cells.Select(c => new Cell(c.X, c.Y)).ToArray());

    [Fact]
    public void Out_of_combat_a_move_follows_the_path_and_stops_before_a_wall_or_a_closed_door()
    {
        using var arena = new Arena(
        [
            "......",
            "...#..",
            "..+...",
        ]);
        var fighter = arena.Add(Arena.Fighter("Fighter", new Cell(0, 1)), "alice");

        Assert.True(arena.Do(Alice, fighter, "move", Path((1, 1), (2, 1), (3, 1), (4, 1))).Ok);
        Assert.Equal(new Cell(2, 1), arena.Get(fighter).Position);
        Assert.Contains(arena.Game.Notifications.To<MovementStopped>("alice"), s => s.Reason == "a wall");

        Assert.True(arena.Do(Alice, fighter, "move", Path((2, 2), (3, 2))).Ok);
        Assert.Equal(new Cell(2, 1), arena.Get(fighter).Position);
        Assert.Contains(arena.Game.Notifications.To<MovementStopped>("alice"), s => s.Reason == "a closed door");

        Assert.True(arena.Do(Alice, fighter, "open-door", AimTarget.AtCell(DoorAction.DoorKey, new Cell(2, 2))).Ok);
        Assert.True(arena.Do(Alice, fighter, "move", Path((2, 2), (3, 2))).Ok);
        Assert.Equal(new Cell(3, 2), arena.Get(fighter).Position);
    }

    [Fact]
    public void A_path_that_is_too_long_or_not_step_by_step_is_refused_and_nothing_moves()
    {
        using var arena = new Arena(Arena.Open(12, 3));
        var fighter = arena.Add(Arena.Fighter("Fighter", new Cell(0, 0)));

        var tooLong = arena.Do(fighter, "move", Path((1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0)));
        var jump = arena.Do(fighter, "move", Path((2, 0)));
        var empty = arena.Do(fighter, "move");

        Assert.Contains("35 feet", tooLong.Error);
        Assert.Contains("not next to", jump.Error);
        Assert.Contains("give the path", empty.Error);
        Assert.Equal(new Cell(0, 0), arena.Get(fighter).Position);
    }

    [Fact]
    public void Every_second_diagonal_costs_ten_feet()
    {
        var open = SceneMap.FromRows("open", Arena.Open(5, 5));
        Assert.Equal(15, Ikosa.Engine.Rules.Movement.Paths.CostFeet(open, new Cell(0, 0), [new(1, 1), new(2, 2)]));
        Assert.Equal(20, Ikosa.Engine.Rules.Movement.Paths.CostFeet(open, new Cell(0, 0), [new(1, 1), new(2, 2), new(3, 3)]));
        Assert.Equal(15, new Cell(0, 0).DistanceFeetTo(new Cell(2, 2)));
    }

    [Fact]
    public void Difficult_terrain_costs_double_to_enter_and_a_diagonal_into_it_triple()
    {
        var mud = SceneMap.FromRows("mud", ["..~..", ".~~..", "....."]);
        Assert.Equal(5 + 10 + 5, Ikosa.Engine.Rules.Movement.Paths.CostFeet(mud, new Cell(0, 0), [new(1, 0), new(2, 0), new(3, 0)]));
        Assert.Equal(15, Ikosa.Engine.Rules.Movement.Paths.CostFeet(mud, new Cell(0, 0), [new(1, 1)]));
        Assert.Equal(5, Ikosa.Engine.Rules.Movement.Paths.CostFeet(mud, new Cell(1, 1), [new(0, 0)]));
    }

    [Fact]
    public void A_move_through_difficult_terrain_is_refused_past_the_creature_s_speed_and_a_5_foot_step_cannot_enter_it()
    {
        using var arena = new Arena(["......", ".~~~~.", "......"]);
        var fighter = arena.Add(Arena.Fighter("Fighter", new Cell(0, 1)) with { Speed = 30 });

        var tooFar = arena.Do(fighter, "move", AimTarget.AlongPath("path", new Cell(1, 1), new Cell(2, 1), new Cell(3, 1), new Cell(4, 1)));
        Assert.Contains("40 feet", tooFar.Error);
        Assert.True(arena.Do(fighter, "move", AimTarget.AlongPath("path", new Cell(1, 1), new Cell(2, 1), new Cell(3, 1))).Ok);
        Assert.Equal(new Cell(3, 1), arena.Get(fighter).Position);

        var intoMud = arena.Do(fighter, "five-foot-step", AimTarget.AtCell(FiveFootStepAction.CellKey, new Cell(4, 1)));
        Assert.Contains("difficult terrain", intoMud.Error);
        Assert.True(arena.Do(fighter, "five-foot-step", AimTarget.AtCell(FiveFootStepAction.CellKey, new Cell(4, 2))).Ok);
        Assert.Equal(new Cell(4, 2), arena.Get(fighter).Position);
    }

    [Fact]
    public void Leaving_a_threatened_square_lets_the_enemy_strike_first_and_then_the_move_goes_on()
    {
        using var arena = new Arena();
        var fighter = arena.Add(Arena.Fighter("Fighter", new Cell(1, 1)), "alice");
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(2, 1)));
        arena.Dice.Enqueue(5); // the fighter's initiative is prompted: the goblin's is rolled at once
        arena.StartCombat(fighter, goblin);
        var initiative = arena.Pending(Alice).Single();
        arena.Dice.Enqueue(15);
        Assert.True(arena.Answer(Alice, initiative, new RollAnswer()).Accepted);
        Assert.Equal(fighter, arena.CurrentTurn());
        arena.Game.Notifications.Clear();
        arena.Dice.Enqueue(15, 4); // the goblin's attack of opportunity: 16 hits AC 15, 1d6 = 4

        Assert.True(arena.Do(Alice, fighter, "move", Path((0, 1), (0, 2))).Ok);

        Assert.Equal(26, arena.Get(fighter).HitPoints);
        Assert.Equal(new Cell(0, 2), arena.Get(fighter).Position);
        var toAlice = arena.Game.Notifications.All.Where(n => n.Recipient == "alice").Select(n => n.Notification).ToList();
        var strike = toAlice.FindIndex(n => n is AttackResolved { Opportunity: true, Hit: true });
        var moved = toAlice.FindIndex(n => n is CreatureMoved m && m.Creature == fighter);
        Assert.True(strike >= 0 && moved > strike, "the attack of opportunity comes before the move completes");
        Assert.Equal(0, arena.Game.Read(tx => ActionBudget.Of(tx, goblin)).AttacksOfOpportunity);
    }

    [Fact]
    public void A_player_is_asked_whether_to_take_an_attack_of_opportunity_and_the_move_waits()
    {
        using var arena = new Arena();
        var runner = arena.Add(Arena.Goblin("Runner", new Cell(1, 1)));
        var guard = arena.Add(Arena.Fighter("Guard", new Cell(2, 1)), "bob");
        arena.Dice.Enqueue(18, 2);
        arena.StartCombat(runner, guard);
        arena.Answer(Bob, arena.Pending(Bob).Single(), new RollAnswer());
        Assert.Equal(runner, arena.CurrentTurn());

        Assert.True(arena.Do(runner, "move", Path((0, 1), (0, 2))).Ok);

        Assert.Equal(new Cell(1, 1), arena.Get(runner).Position);
        var offer = Assert.IsType<YesNoPrerequisite>(arena.Pending(Bob).Single());
        Assert.Equal(guard, offer.Fulfiller);
        Assert.Contains("attack of opportunity", offer.Text);
        Assert.Empty(arena.Pending(Alice));
        Assert.Contains("still resolving", arena.EndTurn(runner).Error);

        arena.Dice.Enqueue(20, 1, 3); // a threat, unconfirmed, 1d8+2 = 5
        Assert.True(arena.Answer(Bob, offer, new YesNoAnswer(true)).Accepted);

        Assert.Equal(1, arena.Get(runner).HitPoints);
        Assert.Equal(new Cell(0, 2), arena.Get(runner).Position);
        Assert.True(arena.EndTurn(runner).Ok);
    }

    [Fact]
    public void A_declined_or_timed_out_attack_of_opportunity_lets_the_move_go_on_untouched()
    {
        using var arena = new Arena();
        var runner = arena.Add(Arena.Goblin("Runner", new Cell(1, 1)));
        var guard = arena.Add(Arena.Fighter("Guard", new Cell(2, 1)), "bob");
        arena.Dice.Enqueue(18, 2);
        arena.StartCombat(runner, guard);
        arena.Answer(Bob, arena.Pending(Bob).Single(), new RollAnswer());
        arena.Do(runner, "move", Path((0, 1), (0, 2)));

        arena.Game.Clock.Advance(OpportunityStep.AnswerTimeout);
        Assert.Equal(1, arena.Game.Write(tx => arena.Rules.ExpireTimeouts(tx)));

        Assert.Equal(6, arena.Get(runner).HitPoints);
        Assert.Equal(new Cell(0, 2), arena.Get(runner).Position);
        Assert.Equal(1, arena.Game.Read(tx => ActionBudget.Of(tx, guard)).AttacksOfOpportunity);
    }

    [Fact]
    public void A_five_foot_step_provokes_nothing_but_rules_out_moving_further()
    {
        using var arena = new Arena();
        var fighter = arena.Add(Arena.Fighter("Fighter", new Cell(1, 1)));
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(2, 1)));
        arena.Dice.Enqueue(15, 5);
        arena.StartCombat(fighter, goblin);

        Assert.True(arena.Do(fighter, "five-foot-step", AimTarget.AtCell(FiveFootStepAction.CellKey, new Cell(1, 2))).Ok);

        Assert.Equal(new Cell(1, 2), arena.Get(fighter).Position);
        Assert.Equal(30, arena.Get(fighter).HitPoints);
        Assert.Equal(0, arena.Dice.Remaining);
        var actions = arena.Game.Read(tx => arena.Rules.GetActions(tx, Arena.Gm, fighter)).Select(a => a.Key).ToList();
        Assert.DoesNotContain("move", actions);
        Assert.DoesNotContain("five-foot-step", actions);
        Assert.Contains("melee-attack", actions);
    }

    [Fact]
    public void The_action_budget_allows_a_move_and_a_standard_or_two_moves_and_no_more()
    {
        using var arena = new Arena(Arena.Open(12, 12));
        var fighter = arena.Add(Arena.Fighter("Fighter", new Cell(0, 0)));
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(11, 11)));
        arena.Dice.Enqueue(15, 5);
        arena.StartCombat(fighter, goblin);

        Assert.True(arena.Do(fighter, "move", Path((1, 0))).Ok);
        Assert.True(arena.Do(fighter, "move", Path((2, 0))).Ok);
        var third = arena.Do(fighter, "move", Path((3, 0)));

        Assert.Contains("no Move action left", third.Error);
        Assert.Equal(new Cell(2, 0), arena.Get(fighter).Position);
        Assert.DoesNotContain(arena.Game.Read(tx => arena.Rules.GetActions(tx, Arena.Gm, fighter)), a => a.Time != ActionTime.Free);

        Assert.True(arena.EndTurn(fighter).Ok);
        Assert.True(arena.EndTurn(goblin).Ok);
        Assert.Equal(fighter, arena.CurrentTurn());
        Assert.True(arena.Do(fighter, "move", Path((3, 0))).Ok);
    }
}
