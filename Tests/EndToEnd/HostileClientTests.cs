using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.ServiceModel.Configuration;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.ServiceModel.Runtime;
using Ikosa.Tests.ServiceModel.Security;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// Issue 19 on the game host: a session that does not log in or bind a ticket soon is closed while players keep playing,
/// and ending a session (kick, replacement by a new login) never waits on a client that has stopped reading.
/// </summary>
public sealed class HostileClientTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;

    /// <summary>Far beyond what ending a session takes, and well under the binding's 30 s SendTimeout a blocked goodbye would wait.</summary>
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sessions_that_do_not_log_in_or_bind_a_ticket_in_time_are_closed_and_logged_in_players_keep_playing()
    {
        var config = LoopbackGame.ShippedConfig().Replace("<sessionAuthentication timeout=\"00:00:20\"", "<sessionAuthentication timeout=\"00:00:01\"", StringComparison.Ordinal);
        Assert.Contains("timeout=\"00:00:01\"", config);
        await using var game = await LoopbackGame.StartAsync(section: ServiceModelSection.Parse(config, "ikosa.config"));
        var alice = await game.LoginAsync("alice", Tordek);
        var port = game.BaseAddress.Port;

        // Opened after alice's channels: once these are closed for their deadline, hers have passed it too.
        await using var silentLogin = await OpenSilentSessionAsync(port, new Uri(game.BaseAddress, "login"));
        await using var unboundGame = await OpenSilentSessionAsync(port, new Uri(game.BaseAddress, "game"));
        Assert.True(await silentLogin.ClosedByServerAsync(), "a login session that does not log in is closed");
        Assert.True(await unboundGame.ClosedByServerAsync(), "a game session that binds no ticket is closed");

        Assert.Contains(await alice.Client.Login.GetUsersAsync(), user => user.Name == "alice");
        Assert.Single(await alice.Client.Game.GetActionsAsync(Tordek), action => action.Key == "move");
        Assert.NotNull(await alice.Client.Visualization.GetViewAsync(Tordek));
    }

    [Fact]
    public async Task A_kick_of_a_player_whose_app_stopped_reading_returns_at_once_and_frees_the_seat()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        await using var stuck = await StallAsync(game, gm);

        var kick = gm.Client.Master!.KickUserAsync("alice");

        Assert.True((await kick.WaitAsync(Promptly)).Accepted);
        Assert.Null(game.Game.Sessions.FindByUser("alice"));
        await gm.WaitForSystemEventAsync("alice left: kicked by the game master");
    }

    [Fact]
    public async Task A_new_login_replaces_a_session_whose_app_stopped_reading_at_once()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        await using var stuck = await StallAsync(game, gm);

        var again = await game.LoginAsync("alice").WaitAsync(Promptly);

        Assert.Single(await again.Client.Game.GetActionsAsync(Tordek), action => action.Key == "move");
        Assert.NotSame(stuck.Session, game.Game.Sessions.FindByUser("alice"));
    }

    private static async Task<RawConnection> OpenSilentSessionAsync(int port, Uri via)
    {
        var raw = await RawConnection.ConnectAsync(port);
        await raw.SendAsync([.. RawPreamble.Bytes(via.AbsoluteUri), 0x0C]);
        Assert.Equal(FramingRecordType.PreambleAck, (await raw.ReadRecordAsync())!.Type);
        return raw;
    }

    /// <summary>
    /// Logs alice in with an app that stops taking batches, and has the game master chat until a batch to her is stuck in
    /// the host's send (her connection has backed up: the batches the host handed her channel stop advancing).
    /// </summary>
    private static async Task<StuckPlayer> StallAsync(LoopbackGame game, RecordingClient gm)
    {
        var alice = await game.LoginWithoutReconnectAsync("alice", Tordek);
        var stuck = new StuckPlayer(alice, game.Game.Sessions.FindByUser("alice")!);
        alice.Client.BatchReceived += batch =>
        {
            if (batch.Items.Any(item => item.Kind == "ChatMessage"))
                stuck.Release.Wait(TimeSpan.FromMinutes(2));
        };
        var line = new string('x', 1900);
        for (var sent = 0; sent < 50_000; sent++)
        {
            await gm.SayAsync($"{sent}:{line}");
            if (sent % 100 == 99 && game.Game.Serial - stuck.Session.LastSentSerial > 200)
                return stuck;
        }
        await stuck.DisposeAsync();
        throw new InvalidOperationException("alice's connection never backed up");
    }

    private sealed class StuckPlayer(RecordingClient client, Ikosa.Host.Sessions.ClientSession session) : IAsyncDisposable
    {
        public ManualResetEventSlim Release { get; } = new();

        public Ikosa.Host.Sessions.ClientSession Session => session;

        public async ValueTask DisposeAsync()
        {
            Release.Set();
            client.Client.SimulateConnectionLoss();
            await client.Client.DisposeAsync();
            Release.Dispose();
        }
    }
}
