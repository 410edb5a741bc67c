using System.Net;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.ServiceModel.Runtime;
using Ikosa.Tests.ServiceModel.Security;

namespace Ikosa.Tests.ServiceModel.Hostile;

[ServiceContract(Namespace = "urn:guarded")]
public interface IGuardedService
{
    [OperationContract]
    string Login(string name);

    [OperationContract]
    string WhoAmI();
}

/// <summary>A service whose sessions authenticate by logging in, as the game's login and ticket binding do.</summary>
public sealed class GuardedService : IGuardedService
{
    private string? _name;

    public string Login(string name)
    {
        OperationContext.Current!.MarkSessionAuthenticated();
        _name = name;
        return name;
    }

    public string WhoAmI() => _name ?? "nobody";
}

/// <summary>
/// A session must authenticate soon (SessionAuthenticationTimeout) or it is closed, and a remote address may hold only
/// so many unauthenticated sessions (MaxUnauthenticatedSessionsPerAddress); authenticated sessions are not affected.
/// </summary>
public sealed class SessionAuthenticationTests
{
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.67");

    private static async Task<LoopbackHost> StartAsync(TimeSpan deadline, int maxUnauthenticatedPerAddress = int.MaxValue)
    {
        var host = new ServiceHost(typeof(GuardedService), new Uri("net.tcp://127.0.0.1:0/"));
        host.AddServiceEndpoint(typeof(IGuardedService), LoopbackHost.Binding(), "guarded");
        host.Description.Behavior.SessionAuthenticationTimeout = deadline;
        host.Description.Behavior.MaxUnauthenticatedSessionsPerAddress = maxUnauthenticatedPerAddress;
        host.RefusalSummaryInterval = Timeout.InfiniteTimeSpan;
        host.RefusalDelay = TimeSpan.Zero;
        return await LoopbackHost.StartAsync(host);
    }

    private static Task ClosedByServer(IGuardedService channel)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var communication = (ICommunicationObject)channel;
        communication.Faulted += (_, _) => ended.TrySetResult();
        communication.Closed += (_, _) => ended.TrySetResult();
        if (communication.State is not CommunicationState.Opened)
            ended.TrySetResult();
        return ended.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_session_that_does_not_authenticate_in_time_is_closed_and_an_authenticated_one_is_kept()
    {
        await using var host = await StartAsync(deadline: TimeSpan.FromMilliseconds(300));
        var factory = host.Factory<IGuardedService>("guarded");
        var player = factory.CreateChannel();
        Assert.Equal("alice", player.Login("alice"));
        // Opened after the player's session: once it has been closed for its deadline, the player's has passed too.
        var silent = factory.CreateChannel();
        Assert.Equal("nobody", silent.WhoAmI());

        await ClosedByServer(silent);

        Assert.Equal("alice", player.WhoAmI());
        Assert.Throws<CommunicationObjectFaultedException>(() => silent.WhoAmI());
        factory.Close();
    }

    [Fact]
    public async Task Unauthenticated_sessions_are_limited_per_address_and_authenticated_ones_do_not_count()
    {
        await using var host = await StartAsync(deadline: TimeSpan.FromMinutes(2), maxUnauthenticatedPerAddress: 2);
        var via = host.Address("guarded").AbsoluteUri;
        var silent = new List<RawConnection>();
        try
        {
            // A stranger's sessions that finish the preamble and say nothing.
            for (var i = 0; i < 2; i++)
            {
                var raw = await RawConnection.ConnectAsync(host.Port, Stranger);
                silent.Add(raw);
                await raw.SendAsync([.. RawPreamble.Bytes(via), 0x0C]);
                Assert.Equal(FramingRecordType.PreambleAck, (await raw.ReadRecordAsync())!.Type);
            }
            await using (var third = await RawConnection.ConnectAsync(host.Port, Stranger))
            {
                await third.SendAsync([.. RawPreamble.Bytes(via), 0x0C]);
                Assert.Equal(FramingFaults.ToUri(FramingFault.ServerTooBusy), (await third.ReadRecordAsync())!.Text);
            }

            // From another address: logged-in sessions do not count against its two unauthenticated ones.
            var factory = host.Factory<IGuardedService>("guarded");
            var players = Enumerable.Range(0, 3).Select(_ => factory.CreateChannel()).ToList();
            foreach (var (player, i) in players.Select((p, i) => (p, i)))
                Assert.Equal($"p{i}", player.Login($"p{i}"));
            var waiting = Enumerable.Range(0, 2).Select(_ => factory.CreateChannel()).ToList();
            foreach (var channel in waiting)
                Assert.Equal("nobody", channel.WhoAmI());
            Assert.Throws<ServerTooBusyException>(() => factory.CreateChannel().WhoAmI());

            // Logging in frees the place at once.
            Assert.Equal("late", waiting[0].Login("late"));
            Assert.Equal("nobody", factory.CreateChannel().WhoAmI());
            factory.Close();
        }
        finally
        {
            foreach (var raw in silent)
                await raw.DisposeAsync();
        }
    }
}
