using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Events;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Tests.Workflow;

public class WorkflowProperties
{
    private static readonly string[] Players = ["alice", "bob"];

    /// <summary>
    /// Builds 1-3 processes of 1-3 question steps each (1-3 questions, serial or not, for creatures
    /// played by alice, bob or nobody) from <paramref name="numbers"/>, then answers whichever pending
    /// prompt the numbers pick, as the user it is routed to. Returns false if anything goes wrong.
    /// </summary>
    private static bool LegalAnswersDrainTheStack(int[] numbers)
    {
        var next = 0;
        int Pick(int range) => numbers.Length == 0 ? 0 : Math.Abs(numbers[next++ % numbers.Length] % range);

        using var game = new TestGame();
        var creatures = new[] { EntityId.New(), EntityId.New(), EntityId.New() };
        game.Control(creatures[0], Players[0]);
        game.Control(creatures[1], Players[1]);
        var steps = 0;
        game.Write(tx =>
        {
            for (int p = 0, processes = 1 + Pick(3); p < processes; p++)
            {
                var stepsOfProcess = Enumerable.Range(0, 1 + Pick(3)).Select(s =>
                    new QuestionsStep(EntityId.New(),
                        Enumerable.Range(0, 1 + Pick(3)).Select(_ => creatures[Pick(3)]).ToImmutableList(),
                        Serial: Pick(2) == 0, $"p{p}s{s}")).ToArray();
                steps += stepsOfProcess.Length;
                game.Rules.Workflow.Start(tx, "p" + p, null, stepsOfProcess);
            }
            game.Rules.Workflow.Run(tx);
        });

        for (var round = 0; round < 100; round++)
        {
            var pending = game.Read(tx => game.Rules.GetPrerequisites(tx, TestGame.GameMaster));
            if (pending.Count == 0) break;
            foreach (var player in Players)
            {
                var mine = game.Read(tx => game.Rules.GetPrerequisites(tx, Actor.Player(player)));
                if (mine.Any(p => game.Read(tx => Control.ControllerOf(tx, p.Fulfiller!.Value)) != player)) return false;
            }
            var prompt = pending[Pick(pending.Count)];
            var controller = game.Read(tx => Control.ControllerOf(tx, prompt.Fulfiller!.Value));
            var actor = controller is null ? TestGame.GameMaster : Actor.Player(controller);
            var result = game.Write(tx => game.Rules.SetPrerequisites(tx, actor, [new(prompt.Step, prompt.Id, new YesNoAnswer(Pick(2) == 0))])).Single();
            if (!result.Accepted) return false;
        }

        var promptsToPlayers = game.Notifications.All.Where(n => Players.Contains(n.Recipient) && n.Notification is PromptWaiting);
        var routedRight = promptsToPlayers.All(n =>
            game.Read(tx => Control.ControllerOf(tx, ((PromptWaiting)n.Notification).Fulfiller!.Value)) == n.Recipient);
        return routedRight
               && game.Read(game.Rules.Workflow.Processes).Count == 0
               && game.Read(Journal.Of).Count == steps;
    }

    [Fact]
    public void Any_sequence_of_legal_answers_drains_the_stack_and_players_are_only_prompted_for_their_own_creatures()
    {
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<int[]>(LegalAnswersDrainTheStack));
    }
}
