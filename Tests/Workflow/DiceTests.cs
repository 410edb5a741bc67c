using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Events;

namespace Ikosa.Tests.Workflow;

public class DiceTests
{
    private static readonly Actor Alice = Actor.Player("alice");

    [Theory]
    [InlineData("1d20+5", "1d20+5", 1, 5)]
    [InlineData("d8", "1d8", 1, 0)]
    [InlineData("2d6 + 1d4 - 1", "2d6+1d4-1", 3, -1)]
    [InlineData("3", "3", 0, 3)]
    public void Expressions_parse_into_dice_and_a_modifier(string text, string normal, int dice, int modifier)
    {
        var expression = DiceExpression.Parse(text);
        Assert.Equal(normal, expression.ToString());
        Assert.Equal(dice, expression.DiceCount);
        Assert.Equal(modifier, expression.Modifier);
    }

    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("1d1")]
    [InlineData("101d6")]
    [InlineData("1d20+x")]
    [InlineData("-1d6")]
    [InlineData("1d6++2")]
    [InlineData("1d100000")]
    public void Bad_expressions_are_refused_clearly(string text)
    {
        Assert.False(DiceExpression.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
        Assert.Throws<FormatException>(() => DiceExpression.Parse(text));
    }

    [Fact]
    public void Critical_damage_rolls_the_dice_again_and_multiplies_the_constant()
    {
        Assert.Equal("2d8+6", DiceExpression.Parse("1d8").Plus(3).Times(2).ToString());
    }

    [Fact]
    public void The_same_seed_gives_the_same_faces()
    {
        var (a, b) = (new SeededDiceSource(42), new SeededDiceSource(42));
        Assert.Equal(Enumerable.Range(0, 20).Select(_ => a.Roll(20)), Enumerable.Range(0, 20).Select(_ => b.Roll(20)));
        Assert.All(Enumerable.Range(0, 200).Select(_ => new RandomDiceSource().Roll(6)), face => Assert.InRange(face, 1, 6));
    }

    [Fact]
    public void An_unprompted_roll_is_made_by_the_host_and_logged_with_its_step()
    {
        using var game = new TestGame(dice: new ScriptedDiceSource(17));
        var elf = EntityId.New();
        game.Control(elf, "alice");
        var step = new RollStep(EntityId.New(), elf, "1d20+3", Prompted: false);

        game.Write(tx =>
        {
            game.Rules.Workflow.Start(tx, "roll", null, step);
            game.Rules.Workflow.Run(tx);
        });

        Assert.Equal(["rolled:20"], game.Read(Journal.Of));
        var roll = game.Read(tx => tx.All<DiceRoll>().Single());
        Assert.Equal((step.Id, "RollStep", "1d20+3", 17, 3, 20), (roll.Step!.Value, roll.StepName, roll.Expression, roll.Natural, roll.Modifier, roll.Total));
        Assert.Equal(("alice", elf, false), (roll.AskedBy, roll.Creature!.Value, roll.Physical));
        Assert.Contains(game.Notifications.To<DiceRolled>("alice"), r => r.Roll == roll.Id && r.Total == 20);
    }

    [Fact]
    public void A_roll_in_a_transaction_that_is_retried_shows_the_same_scripted_face_when_it_commits()
    {
        using var game = new TestGame(dice: new ScriptedDiceSource(17, 2));
        var elf = EntityId.New();
        game.Control(elf, "alice");
        var attempts = 0;

        // Under load a write can run past its budget and be tried again: the faces its first try drew come back.
        game.Write(tx =>
        {
            game.Rules.Workflow.Start(tx, "roll", null, new RollStep(EntityId.New(), elf, "1d20", Prompted: false));
            game.Rules.Workflow.Run(tx);
            if (++attempts == 1)
                throw new Ikosa.Engine.Transactions.BudgetExceededException(TimeSpan.FromMilliseconds(100));
        });

        Assert.Equal(2, attempts);
        Assert.Equal(17, game.Read(tx => tx.All<DiceRoll>().Single()).Natural);
        Assert.Equal(1, ((ScriptedDiceSource)game.Dice).Remaining);
    }

    [Fact]
    public void A_roll_in_a_read_that_must_become_a_write_draws_its_faces_once()
    {
        using var game = new TestGame(dice: new ScriptedDiceSource(5, 6));
        var elf = EntityId.New();
        game.Control(elf, "alice");

        // Rolling logs the roll, a change: the read is abandoned and re-run as a write, which draws the same face.
        game.Gate.Read(tx =>
        {
            game.Rules.Workflow.Start(tx, "roll", null, new RollStep(EntityId.New(), elf, "1d6", Prompted: false));
            game.Rules.Workflow.Run(tx);
        });

        Assert.Equal(5, game.Read(tx => tx.All<DiceRoll>().Single()).Natural);
        Assert.Equal(1, ((ScriptedDiceSource)game.Dice).Remaining);
    }

    [Fact]
    public void A_prompted_roll_waits_for_the_player_and_is_then_rolled_by_the_host()
    {
        using var game = new TestGame(dice: new ScriptedDiceSource(4));
        var elf = EntityId.New();
        game.Control(elf, "alice");
        game.Write(tx =>
        {
            game.Rules.Workflow.Start(tx, "roll", null, new RollStep(EntityId.New(), elf, "1d6", Prompted: true));
            game.Rules.Workflow.Run(tx);
        });
        var prompt = game.Read(tx => game.Rules.GetPrerequisites(tx, Alice)).Single();

        var result = game.Write(tx => game.Rules.SetPrerequisites(tx, Alice, [new(prompt.Step, prompt.Id, new RollAnswer())])).Single();

        Assert.True(result.Accepted);
        Assert.Equal(["rolled:4"], game.Read(Journal.Of));
        Assert.False(game.Read(tx => tx.All<DiceRoll>().Single()).Physical);
    }

    [Fact]
    public void Physical_dice_are_refused_until_a_master_allows_them_and_are_then_logged_as_physical()
    {
        using var game = new TestGame();
        var elf = EntityId.New();
        game.Control(elf, "alice");
        game.Write(tx =>
        {
            game.Rules.Workflow.Start(tx, "roll", null, new RollStep(EntityId.New(), elf, "2d6+1", Prompted: true));
            game.Rules.Workflow.Run(tx);
        });
        var prompt = game.Read(tx => game.Rules.GetPrerequisites(tx, Alice)).Single();
        PrerequisiteAnswer Physical(params int[] faces) => new(prompt.Step, prompt.Id, RollAnswer.Physical(faces));

        var refused = game.Write(tx => game.Rules.SetPrerequisites(tx, Alice, [Physical(6, 6)])).Single();
        Assert.Contains("may not enter physical dice", refused.Error);

        Assert.False(game.Write(tx => game.Rules.AllowPhysicalDice(tx, Alice, "alice", true)).Ok);
        Assert.True(game.Write(tx => game.Rules.AllowPhysicalDice(tx, TestGame.GameMaster, "alice", true)).Ok);
        var wrong = game.Write(tx => game.Rules.SetPrerequisites(tx, Alice, [Physical(6), Physical(7, 1), Physical(0, 1)]));
        Assert.All(wrong, r => Assert.False(r.Accepted));
        Assert.Contains("needs 2 die faces", wrong[0].Error);
        Assert.Contains("not a face", wrong[1].Error);

        Assert.True(game.Write(tx => game.Rules.SetPrerequisites(tx, Alice, [Physical(5, 2)])).Single().Accepted);
        Assert.Equal(["rolled:8"], game.Read(Journal.Of));
        var roll = game.Read(tx => tx.All<DiceRoll>().Single());
        Assert.True(roll.Physical);
        Assert.Equal([5, 2], roll.Faces);
        Assert.Equal("alice", roll.AskedBy);
    }

    [Fact]
    public void A_player_allowed_physical_dice_is_asked_even_for_rolls_the_host_would_make()
    {
        using var game = new TestGame();
        var elf = EntityId.New();
        game.Control(elf, "alice");
        game.Write(tx => game.Rules.AllowPhysicalDice(tx, TestGame.GameMaster, "Alice", true));

        game.Write(tx =>
        {
            game.Rules.Workflow.Start(tx, "roll", null, new RollStep(EntityId.New(), elf, "1d20", Prompted: false));
            game.Rules.Workflow.Run(tx);
        });

        Assert.Single(game.Read(tx => game.Rules.GetPrerequisites(tx, Alice)));
    }
}
