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

        CharacterAccessTests.AssertDenied("StartCombat", () => master.StartCombat([Tordek])); // not even bound yet
        master.Bind(bob.Client.Ticket!.Ticket);
        CharacterAccessTests.AssertDenied("StartCombat", () => master.StartCombat([Tordek, Mialee]));
        CharacterAccessTests.AssertDenied("SetPaused", () => master.SetPaused(true));
        CharacterAccessTests.AssertDenied("EditCreature", () => master.EditCreature(new CreatureEditInfo { Id = Mialee, HitPoints = 99 }));
        CharacterAccessTests.AssertDenied("AnswerPrerequisites", () => master.AnswerPrerequisites([]));
        CharacterAccessTests.AssertDenied("KickUser", () => master.KickUser("alice"));
        CharacterAccessTests.AssertDenied("DisableUser", () => master.DisableUser("alice", true));
        CharacterAccessTests.AssertDenied("AllowPhysicalDice", () => master.AllowPhysicalDice("bob", true));
        CharacterAccessTests.AssertDenied("SaveSnapshot", () => master.SaveSnapshot("stolen"));
        Assert.Equal(serial, game.Game.Serial);
        Assert.Equal(22, bob.Client.Game.GetCreature(Mialee).HitPoints);
    }

    [Fact]
    public async Task Another_players_ticket_gives_no_access_to_anyone_elses_characters()
    {
        await using var game = await LoopbackGame.StartAsync();
        var alice = await game.LoginAsync("alice", Tordek);
        var bob = await game.LoginAsync("bob", Mialee);
        // A second game channel bound with bob's ticket is bob: it reaches Mialee, never Tordek.
        var bobsOther = Channel<IGameService>(game, "game");
        bobsOther.Bind(bob.Client.Ticket!.Ticket);
        Assert.NotEmpty(bobsOther.GetActions(Mialee));
        CharacterAccessTests.AssertDenied("GetActions", () => bobsOther.GetActions(Tordek));
        var view = Channel<IVisualizationService>(game, "visualization");
        view.Bind(bob.Client.Ticket.Ticket);
        CharacterAccessTests.AssertDenied("GetView", () => view.GetView(Tordek));
        Assert.NotEmpty(alice.Client.Game.GetActions(Tordek));
    }

    [Fact]
    public async Task A_ticket_replaced_by_a_new_login_or_ended_by_logout_or_made_up_is_refused()
    {
        await using var game = await LoopbackGame.StartAsync();
        var first = await game.LoginAsync("alice", Tordek);
        var oldTicket = first.Client.Ticket!.Ticket;
        var second = await game.LoginAsync("alice");
        Assert.NotEqual(oldTicket, second.Client.Ticket!.Ticket);

        AssertUnknownTicket(() => Channel<IGameService>(game, "game").Bind(oldTicket));
        AssertUnknownTicket(() => Channel<ILoginService>(game, "login").Resume(oldTicket, 0));
        AssertUnknownTicket(() => Channel<IGameService>(game, "game").Bind(Convert.ToBase64String(new byte[32])));
        AssertUnknownTicket(() => Channel<IGameService>(game, "game").Bind(""));
        // The channels the replaced login had bound are no longer anyone's.
        CharacterAccessTests.AssertDenied("GetActions", () => first.Client.Game.GetActions(Tordek));
        Assert.NotEmpty(second.Client.Game.GetActions(Tordek)); // the new login took over her seat

        var current = second.Client.Ticket.Ticket;
        var stillBound = Channel<IGameService>(game, "game");
        stillBound.Bind(current);
        await second.Client.LogoutAsync();
        AssertUnknownTicket(() => Channel<IGameService>(game, "game").Bind(current));
        CharacterAccessTests.AssertDenied("GetActions", () => stillBound.GetActions(Tordek));
    }

    private static void AssertUnknownTicket(Action bind)
    {
        var refused = Assert.Throws<FaultException<AccessDeniedFault>>(bind);
        Assert.Contains("unknown or expired ticket", refused.Detail.Reason, StringComparison.Ordinal);
    }

    /// <summary>A bare channel to one of the host's endpoints, outside the client library, as an attacker would open it.</summary>
    private static T Channel<T>(LoopbackGame game, string path) where T : class
    {
        var factory = new DuplexChannelFactory<T>(new NoCallbacks(), new IkosaClientOptions { BaseAddress = game.BaseAddress }.Binding,
            new EndpointAddress(new Uri(game.BaseAddress, path)));
        return factory.CreateChannel();
    }

    private sealed class NoCallbacks : ILoginCallback, IGameCallback, IVisualizationCallback, IMasterCallback
    {
        public Task OnBatchAsync(BatchInfo batch) => Task.CompletedTask;

        public void OnSessionEnded(string reason)
        {
        }
    }
}
