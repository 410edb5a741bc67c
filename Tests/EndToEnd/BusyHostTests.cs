using Ikosa.Client.Library;
using Ikosa.ServiceModel.Configuration;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.ServiceModel.Hostile;
using Ikosa.Tests.ServiceModel.Runtime;
using Ikosa.Tests.ServiceModel.Security;

namespace Ikosa.Tests.EndToEnd;

/// <summary>Issue 19 §3: a client the host refuses as too busy tries again after a jittered backoff and gets in once there is room.</summary>
public sealed class BusyHostTests
{
    [Fact]
    public async Task A_login_refused_as_too_busy_is_tried_again_and_gets_in_once_there_is_room()
    {
        var config = LoopbackGame.ShippedConfig().Replace("maxConcurrentSessions=\"400\"", "maxConcurrentSessions=\"2\"", StringComparison.Ordinal);
        Assert.Contains("maxConcurrentSessions=\"2\"", config);
        await using var game = await LoopbackGame.StartAsync(section: ServiceModelSection.Parse(config, "ikosa.config"));
        // Two sessions that have not logged in take both of the login service's places.
        var login = new Uri(game.BaseAddress, "login").AbsoluteUri;
        var holders = new List<RawConnection>();
        for (var i = 0; i < 2; i++)
        {
            var raw = await RawConnection.ConnectAsync(game.BaseAddress.Port);
            holders.Add(raw);
            await raw.SendAsync([.. RawPreamble.Bytes(login), 0x0C]);
            Assert.Equal(FramingRecordType.PreambleAck, (await raw.ReadRecordAsync())!.Type);
        }
        var log = new CapturedLog();
        await using var client = new IkosaClient(new IkosaClientOptions
        {
            BaseAddress = game.BaseAddress,
            FirstReconnectDelay = TimeSpan.FromMilliseconds(50),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(500),
            BusyRetries = 1_000,
        }, log.Factory());

        var loggingIn = client.LoginAsync("alice", LoopbackGame.PasswordOf("alice"));
        Assert.True(await Eventually.TrueAsync(() => log.Texts().Any(text => text.StartsWith("The host is busy", StringComparison.Ordinal))), "the client was refused and tries again");
        Assert.False(loggingIn.IsCompleted);
        await holders[0].DisposeAsync();

        var ticket = await loggingIn.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("alice", ticket.UserName);
        await holders[1].DisposeAsync();
    }
}
