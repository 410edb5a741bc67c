using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// Each player acts, answers and looks only through the characters they play: asking for another player's character is
/// refused with a fault naming the operation; prompts and views stay with their owner; what no character of theirs can
/// see (the goblins behind the door) never reaches them, in views, trackers or batches.
/// </summary>
public class CharacterAccessTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;
    private static readonly Guid Mialee = EntityId.Named("sample:mialee").Value;
    private static readonly Guid[] Goblins = [.. Enumerable.Range(1, 3).Select(i => EntityId.Named($"sample:goblin-{i}").Value)];

    [Fact]
    public async Task A_player_cannot_act_for_or_look_through_another_players_character()
    {
        await using var game = await LoopbackGame.StartAsync();
        var alice = await game.LoginAsync("alice", Tordek);
        var bob = await game.LoginAsync("bob", Mialee);
        var serial = game.Game.Serial;

        await AssertDeniedAsync("GetActions", () => bob.Client.Game.GetActionsAsync(Tordek));
        await AssertDeniedAsync("DoAction", () => bob.Client.Game.DoActionAsync(new ActivityInfo { Creature = Tordek, ActionKey = "move", Targets = [new TargetInfo { Key = "path", Cells = [new PointInfo { X = 2, Y = 3 }] }] }));
        await AssertDeniedAsync("EndTurn", () => bob.Client.Game.EndTurnAsync(Tordek));
        await AssertDeniedAsync("GetPrerequisites", () => bob.Client.Game.GetPrerequisitesAsync(Tordek));
        await AssertDeniedAsync("GetView", () => bob.Client.Visualization.GetViewAsync(Tordek));
        // Nor can he take the character: Tordek's allowed players do not include him.
        await Assert.ThrowsAsync<FaultException<InvalidStateFault>>(() => bob.Client.Login.SelectCharactersAsync([Tordek], []));
        Assert.Equal(serial, game.Game.Serial); // every refusal changed nothing

        // He sees Tordek (they stand in the same hall) but learns nothing only Tordek's player may know.
        var seen = await bob.Client.Game.GetCreatureAsync(Tordek);
        Assert.Equal((0, 0, 0), (seen.HitPoints, seen.MaxHitPoints, seen.ArmorClass));
        Assert.Equal(45, (await alice.Client.Game.GetCreatureAsync(Tordek)).HitPoints);
    }

    [Fact]
    public async Task A_player_cannot_answer_another_players_prompt()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var alice = await game.LoginAsync("alice", Tordek);
        var bob = await game.LoginAsync("bob", Mialee);
        game.Dice.Enqueue(10);
        Assert.True((await gm.Client.Master!.StartCombatAsync([Tordek, Mialee])).Accepted);
        var alicesPrompt = Assert.Single(await alice.Client.Game.GetPrerequisitesAsync(null));
        Assert.DoesNotContain(await bob.Client.Game.GetPrerequisitesAsync(null), p => p.Id == alicesPrompt.Id);

        var refused = Assert.Single(await bob.Client.Game.SetPrerequisitesAsync([new AnswerInfo { Prerequisite = alicesPrompt.Id, Step = alicesPrompt.Step }]));
        Assert.False(refused.Accepted);
        Assert.False(string.IsNullOrEmpty(refused.Error));
        Assert.Single(await alice.Client.Game.GetPrerequisitesAsync(null), p => p.Id == alicesPrompt.Id); // still hers to answer
    }

    [Fact]
    public async Task A_players_view_tracker_and_batches_never_contain_the_goblins_behind_the_door()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var alice = await game.LoginAsync("alice", Tordek);
        game.Dice.Enqueue(5, 5, 5, 5);
        var started = await gm.Client.Master!.StartCombatAsync([Tordek, .. Goblins]);
        Assert.True(started.Accepted, started.Error);
        await alice.WaitForSerialAsync(started.Serial);
        await gm.Client.Master.EditCreatureAsync(new CreatureEditInfo { Id = Goblins[0], ExpectedVersion = (await gm.Client.Game.GetCreatureAsync(Goblins[0])).Version, HitPoints = 1 });
        await gm.SayAsync("a line everyone gets, after the edit"); // alice's batch of this write proves she got all before it
        var last = game.Game.Serial;

        var view = await alice.Client.Visualization.GetViewAsync(Tordek);
        Assert.NotEmpty(view.Visible);
        Assert.DoesNotContain(view.Creatures, c => Goblins.Contains(c.Id));
        Assert.DoesNotContain(view.Visible.Concat(view.Remembered), c => c.X >= 8 && c.Y <= 4); // the guard room, behind the door
        Assert.DoesNotContain((await alice.Client.Game.GetTurnTrackerAsync()).Order, e => Goblins.Contains(e.Creature));
        await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => alice.Client.Game.GetCreatureAsync(Goblins[0]));
        await AssertDeniedAsync("GetMasterView", () => alice.Client.Visualization.GetMasterViewAsync());

        // The master sees them all, and the batches she received never named one.
        Assert.Superset(Goblins.ToHashSet(), (await gm.Client.Visualization.GetMasterViewAsync()).Creatures.Select(c => c.Id).ToHashSet());
        await alice.WaitForSerialAsync(last);
        Assert.NotEmpty(alice.Notifications);
        Assert.DoesNotContain(alice.Notifications, n => n.Entities.Any(Goblins.Contains));
        var everythingAliceHeard = string.Join("\n", alice.Batches.Select(WireText)); // every field of every notification, as sent
        Assert.DoesNotContain(Goblins, g => everythingAliceHeard.Contains(g.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Goblin", everythingAliceHeard, StringComparison.Ordinal);
    }

    /// <summary>A batch as the data contract serializer writes it: every field of every notification in it.</summary>
    private static string WireText(BatchInfo batch)
    {
        var text = new StringWriter();
        using (var writer = System.Xml.XmlWriter.Create(text))
            new System.Runtime.Serialization.DataContractSerializer(typeof(BatchInfo)).WriteObject(writer, batch);
        return text.ToString();
    }

    internal static async Task AssertDeniedAsync(string operation, Func<Task> call)
    {
        var denied = await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(call);
        Assert.Equal(operation, denied.Detail.Operation);
    }
}
