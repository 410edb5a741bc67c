using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Tests.Workflow;

namespace Ikosa.Tests.Rules;

public class TurnTests
{
    private static readonly Actor Alice = Actor.Player("alice");

    private static Creature WithDexterity(Creature creature, int dexterity) =>
        creature with { Abilities = creature.Abilities with { Dexterity = dexterity } };

    private static IReadOnlyList<EntityId> Order(Arena arena) =>
        arena.Game.Read(tx => arena.Rules.GetTurnTracker(tx, Arena.Gm)).Order.Select(e => e.Creature).ToList();

    [Fact]
    public void Initiative_orders_by_result_then_modifier_then_a_roll_off()
    {
        using var arena = new Arena();
        var a = arena.Add(WithDexterity(Arena.Goblin("A", new Cell(0, 0)), 14));
        var b = arena.Add(WithDexterity(Arena.Goblin("B", new Cell(2, 0)), 14));
        var c = arena.Add(WithDexterity(Arena.Goblin("C", new Cell(4, 0)), 10));
        arena.Dice.Enqueue(10, 10, 12, 30, 70); // all 12; A and B (+2) before C (+0); B wins the roll-off

        Assert.True(arena.StartCombat(a, b, c).Ok);

        Assert.Equal([b, a, c], Order(arena));
        Assert.Equal(b, arena.CurrentTurn());
        var tracker = arena.Game.Read(tx => arena.Rules.GetTurnTracker(tx, Arena.Gm));
        Assert.Equal((TurnMode.Initiative, 1), (tracker.Mode, tracker.Round));
        Assert.All(tracker.Order, e => Assert.Equal(12, e.Initiative));
    }

    [Fact]
    public void A_player_rolls_their_own_initiative_and_turns_wait_for_it()
    {
        using var arena = new Arena();
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(0, 0)), "alice");
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(5, 5)));
        arena.Dice.Enqueue(10);

        arena.StartCombat(hero, goblin);

        var prompt = Assert.IsType<RollPrerequisite>(arena.Pending(Alice).Single());
        Assert.Equal("initiative", prompt.Purpose);
        Assert.Null(arena.CurrentTurn());
        Assert.Contains("not Hero's turn", arena.Do(Alice, hero, "move", AimTarget.AlongPath("path", new Cell(1, 0))).Error);

        arena.Dice.Enqueue(3);
        arena.Answer(Alice, prompt, new RollAnswer());

        Assert.Equal([goblin, hero], Order(arena));
        Assert.Equal(goblin, arena.CurrentTurn());
        Assert.Equal(goblin, arena.Pending(Arena.Gm).OfType<ActNowPrerequisite>().Single().Fulfiller);
    }

    [Fact]
    public void Ending_turns_passes_them_round_by_round_and_only_on_the_creature_s_own_turn()
    {
        using var arena = new Arena();
        var (a, b) = (arena.Add(Arena.Goblin("A", new Cell(0, 0))), arena.Add(Arena.Goblin("B", new Cell(5, 5))));
        arena.Dice.Enqueue(15, 5);
        arena.StartCombat(a, b);

        Assert.Contains("not that creature's turn", arena.EndTurn(b).Error);
        Assert.Contains("does not play", arena.EndTurn(a, Alice).Error);
        Assert.True(arena.EndTurn(a).Ok);
        Assert.Equal(b, arena.CurrentTurn());
        Assert.True(arena.EndTurn(b).Ok);

        var tracker = arena.Game.Read(tx => arena.Rules.GetTurnTracker(tx, Arena.Gm));
        Assert.Equal((a, 2, 6L), (tracker.Current!.Value, tracker.Round, tracker.GameSeconds));
        Assert.Equal([(a, 1), (b, 1), (a, 2)], arena.Game.Notifications.To<TurnStarted>(TestGame.Master).Select(t => (t.Creature, t.Round)));
    }

    [Fact]
    public void A_creature_that_delays_acts_right_after_the_next_one()
    {
        using var arena = new Arena();
        var (a, b, c) = (arena.Add(Arena.Goblin("A", new Cell(0, 0))), arena.Add(Arena.Goblin("B", new Cell(3, 3))), arena.Add(Arena.Goblin("C", new Cell(6, 6))));
        arena.Dice.Enqueue(18, 12, 6);
        arena.StartCombat(a, b, c);

        Assert.True(arena.Game.Write(tx => arena.Rules.Delay(tx, Arena.Gm, a)).Ok);

        Assert.Equal([b, a, c], Order(arena));
        Assert.Equal(b, arena.CurrentTurn());
        arena.EndTurn(b);
        Assert.Equal(a, arena.CurrentTurn());
        Assert.Equal(1, arena.Game.Read(tx => arena.Rules.GetTurnTracker(tx, Arena.Gm)).Round);
        arena.Do(a, "move", AimTarget.AlongPath("path", new Cell(1, 0)));
        Assert.Contains("has acted", arena.Game.Write(tx => arena.Rules.Delay(tx, Arena.Gm, a)).Error);
    }

    [Fact]
    public void A_delay_answered_as_a_prompt_is_refused_once_the_creature_has_acted()
    {
        using var arena = new Arena();
        var (a, b) = (arena.Add(Arena.Goblin("A", new Cell(0, 0))), arena.Add(Arena.Goblin("B", new Cell(3, 3))));
        arena.Dice.Enqueue(18, 12);
        arena.StartCombat(a, b);
        arena.Do(a, "move", AimTarget.AlongPath("path", new Cell(1, 0)));
        var prompt = arena.Pending(Arena.Gm, a).OfType<ActNowPrerequisite>().Single();

        Assert.Contains("has acted", arena.Answer(Arena.Gm, prompt, new TurnAnswer(TurnDecision.Delay)).Error);
        Assert.Equal([a, b], Order(arena));
        Assert.Equal(a, arena.CurrentTurn());
    }

    [Fact]
    public void Creatures_join_and_leave_combat_and_a_dropped_creature_s_turn_passes_on()
    {
        using var arena = new Arena();
        var (a, b, late) = (arena.Add(Arena.Goblin("A", new Cell(0, 0))), arena.Add(Arena.Goblin("B", new Cell(3, 3))), arena.Add(Arena.Goblin("Late", new Cell(6, 6))));
        arena.Dice.Enqueue(18, 6);
        arena.StartCombat(a, b);
        arena.Dice.Enqueue(12);

        Assert.True(arena.Game.Write(tx => arena.Rules.AddCombatants(tx, Arena.Gm, [late])).Ok);
        Assert.Equal([a, late, b], Order(arena));
        Assert.Equal(a, arena.CurrentTurn());
        Assert.Contains("already in combat", arena.Game.Write(tx => arena.Rules.AddCombatants(tx, Arena.Gm, [a])).Error);

        Assert.True(arena.Game.Write(tx => arena.Rules.DropCombatants(tx, Arena.Gm, [a])).Ok);
        Assert.Equal([late, b], Order(arena));
        Assert.Equal(late, arena.CurrentTurn());
        Assert.Contains("only a game master", arena.Game.Write(tx => arena.Rules.DropCombatants(tx, Alice, [late])).Error);
    }

    [Fact]
    public void Stopping_combat_clears_the_stack_and_only_harmless_actions_are_allowed_again()
    {
        using var arena = new Arena();
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(0, 0)));
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(1, 0)));
        arena.Dice.Enqueue(15, 5);
        arena.StartCombat(hero, goblin);
        Assert.Contains("already on", arena.StartCombat(hero).Error);
        Assert.Contains("only a game master", arena.Game.Write(tx => arena.Rules.StopCombat(tx, Alice)).Error);

        Assert.True(arena.Game.Write(tx => arena.Rules.StopCombat(tx, Arena.Gm)).Ok);

        Assert.Empty(arena.Game.Read(arena.Rules.Workflow.Processes));
        Assert.Equal(TurnMode.Time, arena.Game.Read(TurnTracker.Of).Mode);
        var actions = arena.Game.Read(tx => arena.Rules.GetActions(tx, Arena.Gm, hero));
        Assert.All(actions, a => Assert.True(a.IsHarmless));
        Assert.Contains(actions, a => a.Key == "move");
        Assert.Contains(arena.Game.Notifications.To<CombatChanged>(TestGame.Master), c => !c.InCombat);
    }

    [Fact]
    public void Out_of_combat_game_time_flows_by_a_periodic_task()
    {
        using var arena = new Arena();
        Assert.True(arena.Game.Write(tx => arena.Rules.SetTimeFlow(tx, Arena.Gm, true)).Ok);
        var task = arena.Game.Read(tx => tx.All<AdvanceGameTimeTask>().Single());
        Assert.Equal(AdvanceGameTimeTask.Interval, task.Period);

        arena.Game.Write(task.Run);
        arena.Game.Write(task.Run);

        Assert.Equal(12, arena.Game.Read(TurnTracker.Of).GameSeconds);
        Assert.True(arena.Game.Write(tx => arena.Rules.SetTimeFlow(tx, Arena.Gm, false)).Ok);
        Assert.Empty(arena.Game.Read(tx => tx.All<AdvanceGameTimeTask>().ToList()));
    }

    [Fact]
    public void A_turn_left_unanswered_ends_by_itself_when_the_master_set_a_timeout()
    {
        using var arena = new Arena();
        var (a, b) = (arena.Add(Arena.Goblin("A", new Cell(0, 0))), arena.Add(Arena.Goblin("B", new Cell(5, 5))));
        arena.Game.Write(tx => arena.Rules.SetTurnTimeout(tx, Arena.Gm, TimeSpan.FromMinutes(1)));
        arena.Dice.Enqueue(15, 5);
        arena.StartCombat(a, b);

        arena.Game.Clock.Advance(TimeSpan.FromMinutes(1));
        arena.Game.Write(tx => arena.Rules.ExpireTimeouts(tx));

        Assert.Equal(b, arena.CurrentTurn());
    }

    [Fact]
    public void A_dying_creature_bleeds_on_its_turn_until_it_stabilises_and_dies_at_minus_ten()
    {
        using var arena = new Arena();
        var (a, b, c) = (arena.Add(Arena.Goblin("A", new Cell(0, 0))), arena.Add(Arena.Goblin("B", new Cell(3, 3))), arena.Add(Arena.Goblin("C", new Cell(6, 6))));
        arena.Game.Write(tx => tx.Put(tx.Get<Creature>(b) with { HitPoints = -8 }));
        arena.Dice.Enqueue(18, 12, 6);
        arena.StartCombat(a, b, c);

        arena.Dice.Enqueue(50); // B fails to stabilise: -9, and its turn passes
        arena.EndTurn(a);
        Assert.Equal(-9, arena.Get(b).HitPoints);
        Assert.Equal(c, arena.CurrentTurn());

        arena.EndTurn(c);
        arena.Dice.Enqueue(80); // -10: dead
        arena.EndTurn(a);
        Assert.Equal(Health.Dead, arena.Get(b).Health());
        Assert.Equal([a, c], Order(arena));
        Assert.Equal(c, arena.CurrentTurn());
        var log = arena.Game.Read(tx => tx.All<HitPointChange>().OrderBy(h => h.Sequence).ToList());
        Assert.Equal([-1, -1], log.Select(h => h.Delta));
        Assert.All(log, h => Assert.Equal("start of turn", h.StepName));
    }

    [Fact]
    public void A_stable_creature_loses_no_more_hit_points()
    {
        using var arena = new Arena();
        var (a, b) = (arena.Add(Arena.Goblin("A", new Cell(0, 0))), arena.Add(Arena.Goblin("B", new Cell(3, 3))));
        arena.Game.Write(tx => tx.Put(tx.Get<Creature>(b) with { HitPoints = -3 }));
        arena.Dice.Enqueue(18, 12, 10); // the last: B stabilises

        arena.StartCombat(a, b);
        arena.EndTurn(a);
        arena.EndTurn(a);

        Assert.Equal(-3, arena.Get(b).HitPoints);
        Assert.True(arena.Get(b).IsStable);
        Assert.Equal(a, arena.CurrentTurn());
    }
}
