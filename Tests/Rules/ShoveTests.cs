using Ikosa.Engine.Rules.Actions;
using Ikosa.Rules.Shove;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Prerequisites;

namespace Ikosa.Tests.Rules;

public class ShoveTests
{
    private static readonly Actor Alice = Actor.Player("alice");
    private static readonly Actor Bob = Actor.Player("bob");

    private static Arena ArenaWithShove() => new(package: new ShovePackage());

    [Fact]
    public void An_added_action_is_offered_and_prompts_the_target_s_player_for_a_strength_check()
    {
        using var arena = ArenaWithShove();
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(2, 2)), "alice");
        var rival = arena.Add(Arena.Fighter("Rival", new Cell(3, 2), team: "rivals"), "bob");
        arena.Dice.Enqueue(20, 1);
        arena.StartCombat(hero, rival);
        arena.Answer(Alice, arena.Pending(Alice).Single(), new RollAnswer());
        arena.Answer(Bob, arena.Pending(Bob).Single(), new RollAnswer());

        var shove = arena.Game.Read(tx => arena.Rules.GetActions(tx, Alice, hero)).Single(a => a.Key == "shove");
        Assert.Equal([rival], shove.Aiming.Single().Candidates);

        arena.Dice.Enqueue(15); // the hero's check, rolled by the host: 17
        Assert.True(arena.Do(Alice, hero, "shove", AimTarget.AtCreature(ShoveAction.TargetKey, rival)).Ok);
        var resist = Assert.IsType<RollPrerequisite>(arena.Pending(Bob).Single());
        Assert.Contains("resist", resist.Text);
        Assert.Empty(arena.Pending(Alice));

        arena.Dice.Enqueue(9); // the rival's: 11
        Assert.True(arena.Answer(Bob, resist, new RollAnswer()).Accepted);

        Assert.Equal(new Cell(4, 2), arena.Get(rival).Position);
        Assert.Contains("no Standard action left", arena.Do(Alice, hero, "shove", AimTarget.AtCreature(ShoveAction.TargetKey, rival)).Error);
    }

    [Fact]
    public void A_shove_that_loses_the_check_moves_nobody()
    {
        using var arena = ArenaWithShove();
        var hero = arena.Add(Arena.Fighter("Hero", new Cell(2, 2)));
        var rival = arena.Add(Arena.Fighter("Rival", new Cell(3, 3), team: "rivals"));
        arena.Dice.Enqueue(20, 1);
        arena.StartCombat(hero, rival);
        arena.Dice.Enqueue(5, 6); // both rolled by the host: the rival is the master's

        arena.Do(hero, "shove", AimTarget.AtCreature(ShoveAction.TargetKey, rival));

        Assert.Equal(new Cell(3, 3), arena.Get(rival).Position);
    }
}
