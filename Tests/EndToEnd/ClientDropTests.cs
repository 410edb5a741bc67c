using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// A player's connection dies mid-combat while the game goes on; coming back with its ticket it receives exactly the
/// batches it missed, once each and in order, and still plays its character.
/// </summary>
public class ClientDropTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;
    private static readonly Guid Mialee = EntityId.Named("sample:mialee").Value;

    [Fact]
    public async Task A_dropped_player_resumes_with_every_missed_batch_once_and_in_order()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var bob = await game.LoginAsync("bob", Mialee);
        var alice = await game.LoginWithoutReconnectAsync("alice", Tordek);
        await using var aliceClient = alice.Client;
        await StartCombatAsync(game, gm);
        await gm.SayAsync("before-1");
        await gm.SayAsync("before-2");
        await alice.WaitForSerialAsync(game.Game.Serial);

        alice.Client.SimulateConnectionLoss();
        await gm.WaitForSystemEventAsync("alice dropped; their seat is kept for 5 minutes");

        // The game goes on without her: chat, and Mialee's player answers the initiative prompt.
        await gm.SayAsync("away-1");
        var mialeeInitiative = Assert.Single(await bob.Client.Game.GetPrerequisitesAsync(Mialee));
        game.Dice.Enqueue(15);
        Assert.True(Assert.Single(await bob.Client.Game.SetPrerequisitesAsync([Answer(mialeeInitiative)])).Accepted);
        await bob.SayAsync("away-2");
        await gm.SayAsync("away-3");

        await alice.Client.ResumeAsync();
        await gm.SayAsync("after-1");
        await alice.WaitForSerialAsync(game.Game.Serial);

        Assert.Equal(["before-1", "before-2", "away-1", "away-2", "away-3", "after-1"], alice.ChatLines());
        var serials = alice.Batches.Select(b => b.Serial).ToList();
        Assert.Equal(serials.Order().Distinct(), serials);
        Assert.DoesNotContain(alice.Batches, b => b.Refetch);
        // Her seat was kept: she still plays Tordek and answers his prompt herself.
        var tordekInitiative = Assert.Single(await alice.Client.Game.GetPrerequisitesAsync(Tordek));
        game.Dice.Enqueue(3);
        Assert.True(Assert.Single(await alice.Client.Game.SetPrerequisitesAsync([Answer(tordekInitiative)])).Accepted);
        var tracker = await alice.Client.Game.GetTurnTrackerAsync();
        Assert.True(tracker.InCombat);
        Assert.Contains(tracker.Order, e => e.Creature == Tordek);
    }

    [Fact]
    public async Task A_player_whose_connection_dies_reconnects_by_itself_and_misses_nothing_written_meanwhile()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var alice = await game.LoginAsync("alice", Tordek);
        await StartCombatAsync(game, gm);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        alice.Client.Reconnected += () => reconnected.TrySetResult();

        await gm.SayAsync("line-0");
        // The host's end of her connection dies (as a network loss looks to the client): her channel faults.
        game.Game.Sessions.FindByUser("alice")!.AbortChannel();
        // Writes go on while the client finds its way back; some land before its resume, some after.
        var sent = new List<string> { "line-0" };
        for (var i = 1; i <= 200 && !reconnected.Task.IsCompleted; i++)
        {
            await gm.SayAsync($"line-{i}");
            sent.Add($"line-{i}");
        }
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await gm.SayAsync("last");
        sent.Add("last");
        await alice.WaitForSerialAsync(game.Game.Serial);

        Assert.Equal(sent, alice.ChatLines());
        var serials = alice.Batches.Select(b => b.Serial).ToList();
        Assert.Equal(serials.Order().Distinct(), serials);
        Assert.Single(await alice.Client.Game.GetPrerequisitesAsync(Tordek));
    }

    /// <summary>The master starts combat between Tordek, Mialee and a goblin; the heroes' players are asked for initiative.</summary>
    internal static async Task StartCombatAsync(LoopbackGame game, RecordingClient gm)
    {
        var goblin = game.Game.Engine.Gate.Read(tx => tx.All<Creature>().First(c => c.Name == "Goblin 1").Id.Value);
        game.Dice.Enqueue(10);
        var started = await gm.Client.Master!.StartCombatAsync([Tordek, Mialee, goblin]);
        Assert.True(started.Accepted, started.Error);
        await gm.WaitForSerialAsync(started.Serial);
    }

    internal static AnswerInfo Answer(PrerequisiteInfo prompt) => new() { Prerequisite = prompt.Id, Step = prompt.Step };
}
