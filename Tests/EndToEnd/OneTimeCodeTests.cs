using Ikosa.Client.Library;
using Ikosa.Contracts;
using Ikosa.Host.Security;
using Ikosa.Host.Users;
using Ikosa.ServiceModel;
using Ikosa.Tests.Engine;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// Passwords a game master can hand out, in play: a new player or a reset password gets a one-time code, which the
/// player exchanges for a password of their own. The code works once, expires, and the host keeps only its hash.
/// </summary>
public class OneTimeCodeTests
{
    [Fact]
    public async Task A_new_player_chooses_a_password_with_the_code_once_and_logs_in_with_it_afterwards()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var serial = game.Game.Serial;

        var code = await gm.Client.Master!.CreatePlayerAsync("erin");

        Assert.Equal("erin", code.UserName);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", code.Code);
        Assert.True(code.Expires > DateTime.UtcNow.AddHours(71) && code.Expires < DateTime.UtcNow.AddHours(73));
        Assert.True(game.Game.Serial > serial, "creating a player is a write");
        var stored = Account(game, "erin");
        Assert.NotEqual(code.Code, stored.Code!.Hash);
        Assert.DoesNotContain(OneTimeCode.Normalize(code.Code)!, stored.Code.Hash);
        Assert.Contains(await gm.Client.Login.GetUsersAsync(), u => u is { Name: "erin", IsMaster: false });

        await AssertDeniedAsync(game, client => client.LoginAsync("erin", code.Code), "wrong user name or password");
        var erin = await NewClient(game).RedeemCodeAsync("erin", code.Code, "erin-own-secret");
        Assert.Equal(("erin", false), (erin.UserName, erin.IsMaster));
        Assert.Null(Account(game, "erin").Code);

        await AssertDeniedAsync(game, client => client.RedeemCodeAsync("erin", code.Code, "another-secret"), "a code works once");
        Assert.Equal("erin", (await NewClient(game).LoginAsync("erin", "erin-own-secret")).UserName);
    }

    [Fact]
    public async Task A_reset_password_stops_working_at_once_and_the_code_is_read_however_it_is_typed()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");

        var code = await gm.Client.Master!.ResetPasswordAsync("ALICE");

        Assert.Equal("alice", code.UserName);
        await AssertDeniedAsync(game, client => client.LoginAsync("alice", LoopbackGame.PasswordOf("alice")), "wrong user name or password");
        var typed = code.Code.Replace("-", " ").ToLowerInvariant();
        Assert.Equal("alice", (await NewClient(game).RedeemCodeAsync("alice", typed, "alice-new-secret")).UserName);
        Assert.Equal("alice", (await NewClient(game).LoginAsync("alice", "alice-new-secret")).UserName);
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var clock = new ManualClock();
        await using var game = await LoopbackGame.StartAsync(hostClock: clock);
        var gm = await game.LoginAsync("gm");
        var code = await gm.Client.Master!.CreatePlayerAsync("erin");

        clock.Advance(OneTimeCode.Lifetime + TimeSpan.FromMinutes(1));

        await AssertDeniedAsync(game, client => client.RedeemCodeAsync("erin", code.Code, "erin-own-secret"), "expired");
        Assert.NotNull(Account(game, "erin").Code);
    }

    [Fact]
    public async Task A_refused_new_password_leaves_the_code_usable()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var code = await gm.Client.Master!.CreatePlayerAsync("erin");

        var tooShort = await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => NewClient(game).RedeemCodeAsync("erin", code.Code, "short"));
        var theCode = await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => NewClient(game).RedeemCodeAsync("erin", code.Code, code.Code));

        Assert.Equal("newPassword", tooShort.Detail.Argument);
        Assert.Contains("your own", theCode.Detail.Reason);
        Assert.Equal("erin", (await NewClient(game).RedeemCodeAsync("erin", code.Code, "erin-own-secret")).UserName);
    }

    [Fact]
    public async Task The_master_tools_refuse_what_cannot_be_done_and_change_nothing()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var master = gm.Client.Master!;
        var serial = game.Game.Serial;

        Assert.Contains("already a user", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => master.CreatePlayerAsync("Bob"))).Detail.Reason);
        Assert.Equal("user", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => master.CreatePlayerAsync("no spaces"))).Detail.Argument);
        Assert.Contains("no user", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => master.ResetPasswordAsync("nobody"))).Detail.Reason);
        Assert.Contains("no user", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => master.GetInviteAsync("nobody"))).Detail.Reason);

        Assert.Equal(serial, game.Game.Serial);
        Assert.Equal("bob", (await NewClient(game).LoginAsync("bob", LoopbackGame.PasswordOf("bob"))).UserName);
    }

    [Fact]
    public async Task The_invite_of_a_host_on_loopback_names_it_without_a_fingerprint()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");

        var invite = await gm.Client.Master!.GetInviteAsync("Alice");

        Assert.Equal(("alice", "localhost", game.BaseAddress.Port, "/ikosa/", null), (invite.UserName, invite.Host, invite.Port, invite.Path, invite.Fingerprint));
        Assert.Equal($"ikosa://localhost:{game.BaseAddress.Port}/?user=alice", invite.Link);
        Assert.Equal(game.BaseAddress, InviteLink.Parse(invite.Link).BaseAddress);
    }

    private static UserAccount Account(LoopbackGame game, string user) =>
        game.Game.Engine.Gate.Read(tx => tx.Get<UserAccount>(UserAccount.KeyFor(user)));

    private static IkosaClient NewClient(LoopbackGame game) =>
        new(new IkosaClientOptions { BaseAddress = game.BaseAddress, Binding = LoopbackGame.HostLimits(), Reconnect = false, HeartbeatInterval = null });

    private static async Task AssertDeniedAsync(LoopbackGame game, Func<IkosaClient, Task> call, string reason)
    {
        await using var client = NewClient(game);
        var denied = await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(() => call(client));
        Assert.Contains(reason, denied.Detail.Reason);
    }
}
