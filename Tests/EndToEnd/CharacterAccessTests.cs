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

        AssertDenied("GetActions", () => bob.Client.Game.GetActions(Tordek));
        AssertDenied("DoAction", () => bob.Client.Game.DoAction(new ActivityInfo { Creature = Tordek, ActionKey = "move", Targets = [new TargetInfo { Key = "path", Cells = [new PointInfo { X = 2, Y = 3 }] }] }));
        AssertDenied("EndTurn", () => bob.Client.Game.EndTurn(Tordek));
        AssertDenied("GetPrerequisites", () => bob.Client.Game.GetPrerequisites(Tordek));
        AssertDenied("GetView", () => bob.Client.Visualization.GetView(Tordek));
        // Nor can he take the character: Tordek's allowed players do not include him.
        Assert.Throws<FaultException<InvalidStateFault>>(() => bob.Client.Login.SelectCharacters([Tordek], []));
        Assert.Equal(serial, game.Game.Serial); // every refusal changed nothing

        // He sees Tordek (they stand in the same hall) but learns nothing only Tordek's player may know.
        var seen = bob.Client.Game.GetCreature(Tordek);
        Assert.Equal((0, 0, 0), (seen.HitPoints, seen.MaxHitPoints, seen.ArmorClass));
        Assert.Equal(45, alice.Client.Game.GetCreature(Tordek).HitPoints);
    }

    [Fact]
    public async Task A_player_cannot_answer_another_players_prompt()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var alice = await game.LoginAsync("alice", Tordek);
        var bob = await game.LoginAsync("bob", Mialee);
        game.Dice.Enqueue(10);
        Assert.True(gm.Client.Master!.StartCombat([Tordek, Mialee]).Accepted);
        var alicesPrompt = Assert.Single(alice.Client.Game.GetPrerequisites(null));
        Assert.DoesNotContain(bob.Client.Game.GetPrerequisites(null), p => p.Id == alicesPrompt.Id);

        var refused = Assert.Single(bob.Client.Game.SetPrerequisites([new AnswerInfo { Prerequisite = alicesPrompt.Id, Step = alicesPrompt.Step }]));
        Assert.False(refused.Accepted);
        Assert.False(string.IsNullOrEmpty(refused.Error));
        Assert.Single(alice.Client.Game.GetPrerequisites(null), p => p.Id == alicesPrompt.Id); // still hers to answer
    }

    [Fact]
    public async Task A_players_view_tracker_and_batches_never_contain_the_goblins_behind_the_door()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var alice = await game.LoginAsync("alice", Tordek);
        game.Dice.Enqueue(5, 5, 5, 5);
        var started = gm.Client.Master!.StartCombat([Tordek, .. Goblins]);
        Assert.True(started.Accepted, started.Error);
        await alice.WaitForSerialAsync(started.Serial);
        gm.Client.Master.EditCreature(new CreatureEditInfo { Id = Goblins[0], ExpectedVersion = gm.Client.Game.GetCreature(Goblins[0]).Version, HitPoints = 1 });
        gm.Say("a line everyone gets, after the edit"); // alice's batch of this write proves she got all before it
        var last = game.Game.Serial;

        var view = alice.Client.Visualization.GetView(Tordek);
        Assert.NotEmpty(view.Visible);
        Assert.DoesNotContain(view.Creatures, c => Goblins.Contains(c.Id));
        Assert.DoesNotContain(view.Visible.Concat(view.Remembered), c => c.X >= 8 && c.Y <= 4); // the guard room, behind the door
        Assert.DoesNotContain(alice.Client.Game.GetTurnTracker().Order, e => Goblins.Contains(e.Creature));
        Assert.Throws<FaultException<InvalidArgumentFault>>(() => alice.Client.Game.GetCreature(Goblins[0]));
        AssertDenied("GetMasterView", () => alice.Client.Visualization.GetMasterView());

        // The master sees them all, and the batches she received never named one.
        Assert.Superset(Goblins.ToHashSet(), gm.Client.Visualization.GetMasterView().Creatures.Select(c => c.Id).ToHashSet());
        await alice.WaitForSerialAsync(last);
        Assert.DoesNotContain(alice.Notifications, n => n.Entities.Any(Goblins.Contains) || Goblins.Any(g => n.Text.Contains(g.ToString(), StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(alice.Notifications, n => n.Text.Contains("Goblin", StringComparison.Ordinal));
    }

    internal static void AssertDenied(string operation, Action call)
    {
        var denied = Assert.Throws<FaultException<AccessDeniedFault>>(call);
        Assert.Equal(operation, denied.Detail.Operation);
    }

    internal static void AssertDenied<T>(string operation, Func<T> call) => AssertDenied(operation, () => { call(); });
}
