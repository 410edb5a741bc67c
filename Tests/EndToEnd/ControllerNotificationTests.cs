using Ikosa.Contracts;
using Ikosa.Engine.Model;

namespace Ikosa.Tests.EndToEnd;

/// <summary>Issue 13 §3.2: whoever plays a creature always hears of its changes, even when it can no longer see.</summary>
public class ControllerNotificationTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;

    [Fact]
    public async Task Fault_13_3_2_a_player_whose_creature_the_master_drops_below_zero_is_told()
    {
        await using var game = await LoopbackGame.StartAsync();
        var alice = await game.LoginAsync("alice", Tordek);
        var gm = await game.LoginAsync("gm");
        var before = await gm.Client.Game.GetCreatureAsync(Tordek);

        var edited = await gm.Client.Master!.EditCreatureAsync(new CreatureEditInfo { Id = Tordek, ExpectedVersion = before.Version, HitPoints = -5 });
        await gm.SayAsync("after the edit");

        // Batches arrive in commit order: once the chat that followed is here, the edit's batch has come or never will.
        await alice.WaitForChatAsync("after the edit");
        Assert.Contains(alice.Notifications.OfType<SystemEventInfo>(), n => n.What == "the game master edited Tordek");
        Assert.NotEqual("Conscious", edited.State);
        Assert.Equal(edited.State, (await alice.Client.Game.GetCreatureAsync(Tordek)).State);
    }
}
