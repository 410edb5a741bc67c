using Ikosa.Client.Library;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// A ticket is only as good as the login that issued it: a player's ticket opens nothing of another's and no master
/// channel; a ticket replaced by a new login, ended by a logout, or made up is refused.
/// </summary>
public class TicketSecurityTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;
    private static readonly Guid Mialee = EntityId.Named("sample:mialee").Value;

    [Fact]
    public async Task A_players_ticket_binds_a_master_channel_to_a_player_and_every_master_operation_is_refused()
    {
        await using var game = await LoopbackGame.StartAsync();
        var bob = await game.LoginAsync("bob", Mialee);
        var master = Channel<IMasterService>(game, "master");
        var serial = game.Game.Serial;

        await CharacterAccessTests.AssertDeniedAsync("StartCombat", () => master.StartCombatAsync([Tordek])); // not even bound yet
        await master.BindAsync(bob.Client.Ticket!.Ticket);
        await CharacterAccessTests.AssertDeniedAsync("StartCombat", () => master.StartCombatAsync([Tordek, Mialee]));
        await CharacterAccessTests.AssertDeniedAsync("SetPaused", () => master.SetPausedAsync(true));
        await CharacterAccessTests.AssertDeniedAsync("EditCreature", () => master.EditCreatureAsync(new CreatureEditInfo { Id = Mialee, HitPoints = 99 }));
        await CharacterAccessTests.AssertDeniedAsync("AnswerPrerequisites", () => master.AnswerPrerequisitesAsync([]));
        await CharacterAccessTests.AssertDeniedAsync("KickUser", () => master.KickUserAsync("alice"));
        await CharacterAccessTests.AssertDeniedAsync("DisableUser", () => master.DisableUserAsync("alice", true));
        await CharacterAccessTests.AssertDeniedAsync("AllowPhysicalDice", () => master.AllowPhysicalDiceAsync("bob", true));
        await CharacterAccessTests.AssertDeniedAsync("SaveSnapshot", () => master.SaveSnapshotAsync("stolen"));
        Assert.Equal(serial, game.Game.Serial);
        Assert.Equal(22, (await bob.Client.Game.GetCreatureAsync(Mialee)).HitPoints);
    }

    [Fact]
    public async Task Another_players_ticket_gives_no_access_to_anyone_elses_characters()
    {
        await using var game = await LoopbackGame.StartAsync();
        var alice = await game.LoginAsync("alice", Tordek);
        var bob = await game.LoginAsync("bob", Mialee);
        // A second game channel bound with bob's ticket is bob: it reaches Mialee, never Tordek.
        var bobsOther = Channel<IGameService>(game, "game");
        await bobsOther.BindAsync(bob.Client.Ticket!.Ticket);
        Assert.NotEmpty(await bobsOther.GetActionsAsync(Mialee));
        await CharacterAccessTests.AssertDeniedAsync("GetActions", () => bobsOther.GetActionsAsync(Tordek));
        var view = Channel<IVisualizationService>(game, "visualization");
        await view.BindAsync(bob.Client.Ticket.Ticket);
        await CharacterAccessTests.AssertDeniedAsync("GetView", () => view.GetViewAsync(Tordek));
        Assert.NotEmpty(await alice.Client.Game.GetActionsAsync(Tordek));
    }

    [Fact]
    public async Task A_ticket_replaced_by_a_new_login_or_ended_by_logout_or_made_up_is_refused()
    {
        await using var game = await LoopbackGame.StartAsync();
        var first = await game.LoginAsync("alice", Tordek);
        var oldTicket = first.Client.Ticket!.Ticket;
        var second = await game.LoginAsync("alice");
        Assert.NotEqual(oldTicket, second.Client.Ticket!.Ticket);

        await AssertUnknownTicketAsync(() => Channel<IGameService>(game, "game").BindAsync(oldTicket));
        await AssertUnknownTicketAsync(() => Channel<ILoginService>(game, "login").ResumeAsync(oldTicket, 0));
        await AssertUnknownTicketAsync(() => Channel<IGameService>(game, "game").BindAsync(Convert.ToBase64String(new byte[32])));
        await AssertUnknownTicketAsync(() => Channel<IGameService>(game, "game").BindAsync(""));
        // The channels the replaced login had bound were told and closed by the host: they are no longer anyone's.
        await SessionEndedTests.WhenClosedByHostAsync(first.Client.Game).WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<CommunicationException>(() => first.Client.Game.GetActionsAsync(Tordek));
        Assert.NotEmpty(await second.Client.Game.GetActionsAsync(Tordek)); // the new login took over her seat

        var current = second.Client.Ticket.Ticket;
        var stillBound = Channel<IGameService>(game, "game");
        await stillBound.BindAsync(current);
        await second.Client.LogoutAsync();
        await AssertUnknownTicketAsync(() => Channel<IGameService>(game, "game").BindAsync(current));
        await SessionEndedTests.WhenClosedByHostAsync(stillBound).WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<CommunicationException>(() => stillBound.GetActionsAsync(Tordek));
    }

    private static async Task AssertUnknownTicketAsync(Func<Task> bind)
    {
        var refused = await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(bind);
        Assert.Contains("unknown or expired ticket", refused.Detail.Reason, StringComparison.Ordinal);
    }

    /// <summary>A bare channel to one of the host's endpoints, outside the client library, as an attacker would open it.</summary>
    private static T Channel<T>(LoopbackGame game, string path) where T : class
    {
        var factory = new DuplexChannelFactory<T>(new NoCallbacks(), new IkosaClientOptions { BaseAddress = game.BaseAddress }.Binding,
            new EndpointAddress(new Uri(game.BaseAddress, path)));
        return factory.CreateChannel();
    }
}
