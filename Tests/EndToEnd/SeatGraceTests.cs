using Ikosa.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace Ikosa.Tests.EndToEnd;

/// <summary>Issue 13 §3.1: a dropped login's grace timer never ends the login that replaced it.</summary>
public class SeatGraceTests
{
    private static readonly Guid Tordek = Sample.Tordek.Value;

    [Fact]
    public async Task Fault_13_3_1_a_restarted_client_keeps_its_character_when_the_old_logins_grace_runs_out()
    {
        var clock = new FakeTimeProvider();
        await using var game = await LoopbackGame.StartAsync(seatGrace: TimeSpan.FromMinutes(2), hostClock: clock);
        var gm = await game.LoginAsync("gm");
        var crashed = await game.LoginWithoutReconnectAsync("alice", Tordek);
        var old = game.Game.Sessions.FindByUser("alice")!;

        // The player's app dies; the host keeps the seat and starts the grace period.
        crashed.Client.SimulateConnectionLoss();
        await gm.WaitForSystemEventAsync("alice dropped");
        // Started again within the grace period, the app logs in anew (it has no ticket to resume with).
        var restarted = await game.LoginAsync("alice");
        Assert.Contains(await restarted.Client.Login.GetCharactersAsync(), c => c.Id == Tordek && c.PlayedBy == "alice");

        clock.Advance(TimeSpan.FromMinutes(3));
        await old.SeatExpiry.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(await restarted.Client.Login.GetCharactersAsync(), c => c.Id == Tordek && c.PlayedBy == "alice");
        Assert.Contains(await gm.Client.Login.GetUsersAsync(), u => u.Name == "alice" && u.IsOnline);
        await gm.SayAsync("still here?");
        await gm.WaitForChatAsync("still here?");
        Assert.DoesNotContain(gm.Notifications.OfType<SystemEventInfo>(), n => n.What.Contains("did not come back"));
        Assert.True(gm.Notifications.OfType<PresenceChangedInfo>().Last(n => n.User == "alice").Online);
    }
}
