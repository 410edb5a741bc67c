using System.Net;
using System.Net.Sockets;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.Tests.ServiceModel.Runtime;

[ServiceContract(Namespace = "urn:remote-endpoint")]
public interface IWhoAmI
{
    [OperationContract]
    string Peer();
}

public sealed class WhoAmIService : IWhoAmI
{
    public string Peer() =>
        OperationContext.Current!.IncomingMessageProperties.TryGetValue(RemoteEndpointMessageProperty.Name, out var found) && found is RemoteEndpointMessageProperty remote
            ? $"{remote.Address} {remote.Port}"
            : "unknown";
}

/// <summary>A service learns where a call came from the WCF way: the remote endpoint in the incoming message properties.</summary>
public class RemoteEndpointTests
{
    [Fact]
    public async Task An_operation_sees_the_clients_address_and_port()
    {
        await using var host = await LoopbackHost.StartAsync<WhoAmIService, IWhoAmI>();
        var factory = host.Factory<IWhoAmI>();
        var proxy = factory.CreateChannel();

        var (address, port) = Split(proxy.Peer());

        Assert.Equal(IPAddress.Loopback.ToString(), address);
        Assert.True(port is > 0 and < 65536 && port != host.Port, $"the client's own port, not the host's: {port}");
        // Every call of the session comes from the same socket.
        Assert.Equal((address, port), Split(proxy.Peer()));
        ((IClientChannel)proxy).Close();
        factory.Close();
    }

    [Fact]
    public void The_property_of_an_IPv4_peer_on_a_dual_stack_socket_is_the_IPv4_address()
    {
        var mapped = new IPEndPoint(IPAddress.Parse("10.213.4.2").MapToIPv6(), 4242);

        var property = RemoteEndpointMessageProperty.Of(mapped)!;

        Assert.Equal(("10.213.4.2", 4242), (property.Address, property.Port));
        Assert.Null(RemoteEndpointMessageProperty.Of(new UnixDomainSocketEndPoint("/tmp/x")));
    }

    private static (string Address, int Port) Split(string peer)
    {
        var parts = peer.Split(' ');
        return (parts[0], int.Parse(parts[1]));
    }
}
