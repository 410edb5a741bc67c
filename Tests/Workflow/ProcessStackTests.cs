using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Events;
using Ikosa.Engine.Workflow.Processes;

namespace Ikosa.Tests.Workflow;

public class ProcessStackTests
{
    [Fact]
    public void The_last_process_started_runs_first()
    {
        using var game = new TestGame();

        game.Write(tx =>
        {
            game.Rules.Workflow.Start(tx, "first", null, new RecordStep(EntityId.New(), "first"));
            game.Rules.Workflow.Start(tx, "second", null, new RecordStep(EntityId.New(), "second"));
            game.Rules.Workflow.Run(tx);
        });

        Assert.Equal(["second", "first"], game.Read(Journal.Of));
        Assert.Empty(game.Read(game.Rules.Workflow.Processes));
    }

    [Fact]
    public void An_interruption_runs_before_the_rest_of_the_process_that_caused_it_in_the_order_started()
    {
        using var game = new TestGame();

        game.Write(tx =>
        {
            game.Rules.Workflow.Start(tx, "main", null, new InterruptingStep(EntityId.New()), new RecordStep(EntityId.New(), "last"));
            game.Rules.Workflow.Run(tx);
        });

        Assert.Equal(["interrupted", "interruption", "second interruption", "after", "last"], game.Read(Journal.Of));
    }

    [Fact]
    public void A_process_blocked_on_a_prompt_waits_and_its_completion_is_announced()
    {
        using var game = new TestGame();
        var goblin = EntityId.New();

        game.Write(tx =>
        {
            game.Rules.Workflow.Start(tx, "ask", null, new QuestionsStep(EntityId.New(), [goblin], Serial: false, "q"));
            game.Rules.Workflow.Run(tx);
        });
        Assert.Single(game.Read(game.Rules.Workflow.Processes));
        var prompt = Assert.Single(game.Read(tx => game.Rules.GetPrerequisites(tx, TestGame.GameMaster)));

        game.Write(tx => game.Rules.SetPrerequisites(tx, TestGame.GameMaster, [new(prompt.Step, prompt.Id, new Ikosa.Engine.Workflow.Answers.YesNoAnswer(true))]));

        Assert.Equal(["q:yes"], game.Read(Journal.Of));
        Assert.Empty(game.Read(game.Rules.Workflow.Processes));
        Assert.Contains(game.Notifications.To<ProcessEnded>(TestGame.Master), e => e is { Name: "ask", Completed: true });
    }

    [Fact]
    public void A_step_that_throws_is_undone_on_its_own_and_its_process_aborted()
    {
        using var game = new TestGame();
        game.Write(tx => game.Rules.Workflow.Start(tx, "doomed", null, new RecordStep(EntityId.New(), "before"), new ThrowingStep(EntityId.New())));
        var serialBefore = game.Gate.Serial;

        game.Write(tx => game.Rules.Workflow.Run(tx));

        Assert.True(game.Gate.Serial > serialBefore); // the run itself committed: the earlier step's work stands
        Assert.Equal(["before"], game.Read(Journal.Of));
        Assert.Empty(game.Read(tx => tx.All<Ikosa.Engine.Workflow.Dice.DiceRoll>().ToList()));
        Assert.Empty(game.Notifications.To<ProcessEnded>("alice"));
        Assert.Empty(game.Read(game.Rules.Workflow.Processes));
        var failure = Assert.Single(game.Notifications.To<StepFailed>(TestGame.Master));
        Assert.Contains("the rule broke", failure.Error);
        Assert.Contains(game.Notifications.To<ProcessEnded>(TestGame.Master), e => e is { Name: "doomed", Completed: false });
    }

    [Fact]
    public void A_rule_that_loops_is_stopped_and_its_transaction_rolled_back()
    {
        using var game = new TestGame();
        var serial = game.Gate.Serial;

        var error = Assert.Throws<InvalidOperationException>(() => game.Write(tx =>
        {
            game.Rules.Workflow.Start(tx, "loop", null, new LoopingStep(EntityId.New()));
            game.Rules.Workflow.Run(tx);
        }));

        Assert.Contains("loops", error.Message);
        Assert.Equal(serial, game.Gate.Serial);
        Assert.Empty(game.Read(game.Rules.Workflow.Processes));
    }

    [Fact]
    public void Workflow_state_rolls_back_with_the_transaction_that_changed_it()
    {
        using var game = new TestGame();
        var goblin = EntityId.New();
        game.Write(tx =>
        {
            game.Rules.Workflow.Start(tx, "ask", null, new QuestionsStep(EntityId.New(), [goblin], Serial: false, "q"));
            game.Rules.Workflow.Run(tx);
        });
        var prompt = game.Read(tx => game.Rules.GetPrerequisites(tx, TestGame.GameMaster)).Single();

        Assert.Throws<TimeoutException>(() => game.Write(tx =>
        {
            game.Rules.SetPrerequisites(tx, TestGame.GameMaster, [new(prompt.Step, prompt.Id, new Ikosa.Engine.Workflow.Answers.YesNoAnswer(true))]);
            Assert.Empty(game.Rules.Workflow.Processes(tx));
            throw new TimeoutException("the caller failed after answering");
        }));

        Assert.Single(game.Read(game.Rules.Workflow.Processes));
        Assert.Equal(prompt, game.Read(tx => game.Rules.GetPrerequisites(tx, TestGame.GameMaster)).Single());
        Assert.Empty(game.Read(Journal.Of));
    }
}
