using System.Net;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.ServiceModel.Runtime;
using Ikosa.Tests.ServiceModel.Security;

namespace Ikosa.Tests.ServiceModel.Hostile;

/// <summary>
/// Issue 19's crowds, bounded for the test suite: a storm of connects from many addresses within the limits gets no
/// ServerTooBusy at all, and a stranger's crowd of idle sockets does not lock anyone else out.
/// </summary>
public sealed class CrowdTests
{
    private static Task<LoopbackHost> StartAsync() =>
        LoopbackHost.StartAsync<EchoService, IEchoService>(host =>
        {
            var binding = host.Endpoints.Single().Binding;
            binding.MaxConnections = 1000;
            binding.ChannelInitializationTimeout = TimeSpan.FromMinutes(1);
        });

    [Fact]
    public async Task A_storm_of_three_waves_of_200_connects_within_the_limits_gets_no_ServerTooBusy()
    {
        await using var host = await StartAsync();
        var via = host.Address().AbsoluteUri;
        var answers = new List<FramingRecordType?>();
        for (var wave = 0; wave < 3; wave++)
        {
            // Every client from an address of its own, all at once, as players reconnecting after a restart.
            answers.AddRange(await Task.WhenAll(Enumerable.Range(1, 200).Select(async i =>
            {
                await using var client = await RawConnection.ConnectAsync(host.Port, new IPAddress([127, 0, 1, (byte)i]));
                await client.SendAsync([.. RawPreamble.Bytes(via), 0x0C]);
                return (await client.ReadRecordAsync())?.Type;
            })));
        }

        Assert.Equal(600, answers.Count(type => type == FramingRecordType.PreambleAck));
    }

    [Fact]
    public async Task A_strangers_crowd_of_idle_sockets_does_not_lock_others_out()
    {
        await using var host = await StartAsync();
        var stranger = IPAddress.Parse("127.0.0.68");
        var crowd = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => RawConnection.ConnectAsync(host.Port, stranger)));
        try
        {
            // The stranger holds its share (8) and no more: the rest of its sockets are refused.
            Assert.True(await Eventually.TrueAsync(() => host.Host.Listener!.PendingFrom(stranger) == 8));
            var factory = host.DuplexFactory<IEchoService>(new EchoCallback());

            Assert.Equal("in:1", await factory.CreateChannel().EchoAsync(1, "in"));
            factory.Close();
        }
        finally
        {
            foreach (var socket in crowd)
                await socket.DisposeAsync();
        }
    }
}
