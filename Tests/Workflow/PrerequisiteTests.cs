using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Events;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;

namespace Ikosa.Tests.Workflow;

public class PrerequisiteTests
{
    private static readonly Actor Alice = Actor.Player("alice");
    private static readonly Actor Bob = Actor.Player("bob");

    private static void Start(TestGame game, params CoreStep[] steps) => game.Write(tx =>
    {
        game.Rules.Workflow.Start(tx, "test", null, steps);
        game.Rules.Workflow.Run(tx);
    });

    private static IReadOnlyList<StepPrerequisite> Pending(TestGame game, Actor actor, EntityId? creature = null) =>
        game.Read(tx => game.Rules.GetPrerequisites(tx, actor, creature));

    private static IReadOnlyList<AnswerResult> Answer(TestGame game, Actor actor, params (StepPrerequisite Prompt, Answer Answer)[] answers) =>
        game.Write(tx => game.Rules.SetPrerequisites(tx, actor, answers.Select(a => new PrerequisiteAnswer(a.Prompt.Step, a.Prompt.Id, a.Answer)).ToList()));

    [Fact]
    public void Serial_prerequisites_are_dispensed_one_at_a_time()
    {
        using var game = new TestGame();
        var (elf, dwarf) = (EntityId.New(), EntityId.New());
        game.Control(elf, "alice");
        game.Control(dwarf, "bob");
        Start(game, new QuestionsStep(EntityId.New(), [elf, dwarf], Serial: true, "serial"));

        var first = Assert.Single(Pending(game, TestGame.GameMaster));
        Assert.Equal(elf, first.Fulfiller);
        Assert.Empty(Pending(game, Bob));

        Assert.True(Answer(game, Alice, (first, new YesNoAnswer(true)))[0].Accepted);
        var second = Assert.Single(Pending(game, TestGame.GameMaster));
        Assert.Equal(dwarf, second.Fulfiller);
        Assert.Empty(game.Read(Journal.Of));

        Assert.True(Answer(game, Bob, (second, new YesNoAnswer(false)))[0].Accepted);
        Assert.Equal(["serial:yes,no"], game.Read(Journal.Of));
    }

    [Fact]
    public void Non_serial_prerequisites_are_all_asked_at_once()
    {
        using var game = new TestGame();
        var (elf, dwarf) = (EntityId.New(), EntityId.New());
        Start(game, new QuestionsStep(EntityId.New(), [elf, dwarf], Serial: false, "together"));

        Assert.Equal(2, Pending(game, TestGame.GameMaster).Count);
    }

    [Fact]
    public void A_prompt_goes_to_the_user_who_controls_the_fulfiller_and_the_masters_only()
    {
        using var game = new TestGame();
        var (elf, orc) = (EntityId.New(), EntityId.New());
        game.Control(elf, "alice");
        Start(game, new QuestionsStep(EntityId.New(), [elf, orc], Serial: false, "routing"));

        var forAlice = Assert.Single(Pending(game, Alice));
        Assert.Equal(elf, forAlice.Fulfiller);
        Assert.Empty(Pending(game, Bob));
        Assert.Empty(Pending(game, Alice, orc));
        Assert.Equal(2, Pending(game, TestGame.GameMaster).Count);

        Assert.Equal([elf], game.Notifications.To<PromptWaiting>("alice").Select(p => p.Fulfiller));
        Assert.Empty(game.Notifications.To<PromptWaiting>("bob"));
        Assert.Equal(2, game.Notifications.To<PromptWaiting>(TestGame.Master).Count);
        Assert.Equal(["alice", TestGame.Master], game.Read(game.Rules.GetWaitingOn));
    }

    [Fact]
    public void A_player_may_not_answer_for_a_creature_they_do_not_control()
    {
        using var game = new TestGame();
        var (elf, orc) = (EntityId.New(), EntityId.New());
        game.Control(elf, "alice");
        Start(game, new QuestionsStep(EntityId.New(), [elf, orc], Serial: false, "mine"));
        var prompts = Pending(game, TestGame.GameMaster);

        var results = Answer(game, Bob, (prompts[0], new YesNoAnswer(true)), (prompts[1], new YesNoAnswer(true)));

        Assert.All(results, r => Assert.False(r.Accepted));
        Assert.All(results, r => Assert.Contains("may not answer", r.Error));
        Assert.Equal(2, Pending(game, TestGame.GameMaster).Count);
    }

    [Fact]
    public void A_game_master_may_answer_any_prompt()
    {
        using var game = new TestGame();
        var elf = EntityId.New();
        game.Control(elf, "alice");
        Start(game, new QuestionsStep(EntityId.New(), [elf], Serial: false, "override"));
        var prompt = Pending(game, Alice).Single();

        Assert.True(Answer(game, TestGame.GameMaster, (prompt, new YesNoAnswer(false)))[0].Accepted);

        Assert.Equal(["override:no"], game.Read(Journal.Of));
        Assert.Contains(game.Notifications.To<PromptAnswered>("alice"), a => a.Prerequisite == prompt.Id && a.AnsweredBy == TestGame.Master);
    }

    [Fact]
    public void A_bad_answer_is_refused_alone_and_the_good_ones_in_the_same_batch_are_kept()
    {
        using var game = new TestGame();
        var (elf, a, b, c) = (EntityId.New(), EntityId.New(), EntityId.New(), EntityId.New());
        game.Control(elf, "alice");
        Start(game, new KindsStep(EntityId.New(), elf, [a, b]));
        var prompts = Pending(game, Alice).ToDictionary(p => p.BindKey);

        var results = Answer(game, Alice,
            (prompts["choice"], new ChoiceAnswer("up")),
            (prompts["number"], new NumberAnswer(4)),
            (prompts["targets"], new TargetsAnswer([a, c])),
            (prompts["yes-no"], new NumberAnswer(1)),
            (prompts["number"], new NumberAnswer(5)));

        Assert.Equal([false, true, false, false, false], results.Select(r => r.Accepted));
        Assert.Contains("not one of the options", results[0].Error);
        Assert.Contains("not one of the targets", results[2].Error);
        Assert.Contains("YesNo answer", results[3].Error);
        Assert.Contains("already answered", results[4].Error);
        var stillPending = Pending(game, Alice).Select(p => p.BindKey).Order().ToList();
        Assert.Equal(["choice", "targets", "yes-no"], stillPending);
        Assert.Equal(4, game.Read(tx => tx.Get<NumberPrerequisite>(prompts["number"].Id)).Value);
        Assert.Empty(game.Read(Journal.Of));

        var more = Answer(game, Alice,
            (prompts["choice"], new ChoiceAnswer("left")),
            (prompts["targets"], new TargetsAnswer([a, a])),
            (prompts["targets"], new TargetsAnswer([a, b, c])),
            (prompts["targets"], new TargetsAnswer([b])),
            (prompts["yes-no"], new YesNoAnswer(true)));

        Assert.Equal([true, false, false, true, true], more.Select(r => r.Accepted));
        Assert.Equal(["left 4 1 True"], game.Read(Journal.Of));
    }

    [Fact]
    public void A_number_out_of_range_is_refused()
    {
        using var game = new TestGame();
        var elf = EntityId.New();
        Start(game, new KindsStep(EntityId.New(), elf, [elf]));
        var number = Pending(game, TestGame.GameMaster).Single(p => p.BindKey == "number");

        var results = Answer(game, TestGame.GameMaster, (number, new NumberAnswer(7)), (number, new NumberAnswer(0)));

        Assert.All(results, r => Assert.Contains("outside 1 to 6", r.Error));
    }

    [Fact]
    public void An_answer_for_a_step_that_has_finished_or_is_not_current_is_refused()
    {
        using var game = new TestGame();
        var elf = EntityId.New();
        Start(game, new QuestionsStep(EntityId.New(), [elf], Serial: false, "old"));
        var old = Pending(game, TestGame.GameMaster).Single();
        Assert.True(Answer(game, TestGame.GameMaster, (old, new YesNoAnswer(true)))[0].Accepted);

        var late = Answer(game, TestGame.GameMaster, (old, new YesNoAnswer(false)))[0];
        Assert.False(late.Accepted);
        Assert.Contains("no longer current", late.Error);

        Start(game, new QuestionsStep(EntityId.New(), [elf], Serial: false, "below"));
        var below = Pending(game, TestGame.GameMaster).Single();
        Start(game, new QuestionsStep(EntityId.New(), [elf], Serial: false, "above"));

        var buried = Answer(game, TestGame.GameMaster, (below, new YesNoAnswer(true)))[0];
        Assert.False(buried.Accepted);
        Assert.Contains("not the current step", buried.Error);
        Assert.Equal("above question 0", Pending(game, TestGame.GameMaster).Single().Text);
    }

    [Fact]
    public void A_missing_or_mismatched_answer_is_refused_without_throwing()
    {
        using var game = new TestGame();
        var elf = EntityId.New();
        Start(game, new QuestionsStep(EntityId.New(), [elf], Serial: false, "x"));
        var prompt = Pending(game, TestGame.GameMaster).Single();

        var results = game.Write(tx => game.Rules.SetPrerequisites(tx, TestGame.GameMaster,
        [
            null!,
            new PrerequisiteAnswer(prompt.Step, prompt.Id, null!),
            new PrerequisiteAnswer(prompt.Step, EntityId.New(), new YesNoAnswer(true)),
        ]));

        Assert.All(results, r => Assert.False(r.Accepted));
        Assert.Single(Pending(game, TestGame.GameMaster));
    }

    [Fact]
    public void A_timed_out_prompt_takes_its_default_answer()
    {
        using var game = new TestGame();
        var elf = EntityId.New();
        game.Control(elf, "alice");
        Start(game, new TimedQuestionStep(EntityId.New(), elf, TimeSpan.FromSeconds(30)));
        var prompt = Pending(game, Alice).Single();
        Assert.Equal(game.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), prompt.Deadline);

        game.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, game.Write(tx => game.Rules.ExpireTimeouts(tx)));
        Assert.Single(Pending(game, Alice));

        game.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, game.Write(tx => game.Rules.ExpireTimeouts(tx)));

        Assert.Equal(["timed:True"], game.Read(Journal.Of));
        Assert.Contains(game.Notifications.To<PromptAnswered>("alice"), a => a.AnsweredBy == StepContext.HostUser);
    }

    [Fact]
    public void The_scheduled_timeout_task_applies_the_default_and_is_cancelled_by_an_answer()
    {
        using var game = new TestGame();
        var (elf, dwarf) = (EntityId.New(), EntityId.New());
        Start(game, new TimedQuestionStep(EntityId.New(), elf, TimeSpan.FromSeconds(5)));
        var task = game.Read(tx => tx.All<PrerequisiteTimeoutTask>().Single());
        Assert.Equal(game.Clock.GetUtcNow() + TimeSpan.FromSeconds(5), task.DueAt);

        game.Clock.Advance(TimeSpan.FromSeconds(5));
        game.Write(task.Run);
        Assert.Equal(["timed:True"], game.Read(Journal.Of));
        Assert.Empty(game.Read(tx => tx.All<PrerequisiteTimeoutTask>().ToList()));

        Start(game, new TimedQuestionStep(EntityId.New(), dwarf, TimeSpan.FromSeconds(5)));
        var prompt = Pending(game, TestGame.GameMaster).Single();
        Answer(game, TestGame.GameMaster, (prompt, new YesNoAnswer(false)));
        Assert.Empty(game.Read(tx => tx.All<PrerequisiteTimeoutTask>().ToList()));
        Assert.Equal(["timed:True", "timed:False"], game.Read(Journal.Of));
    }
}
