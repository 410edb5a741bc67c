using System.Net;

namespace Ikosa.ServiceModel.Channels;

/// <summary>
/// Where a received message came from: the client's address and port, as WCF gives them to a service through
/// <c>OperationContext.Current.IncomingMessageProperties[RemoteEndpointMessageProperty.Name]</c>.
/// </summary>
public sealed class RemoteEndpointMessageProperty
{
    /// <summary>WCF's key for this property in the message properties.</summary>
    public const string Name = "System.ServiceModel.Channels.RemoteEndpointMessageProperty";

    public RemoteEndpointMessageProperty(string address, int port)
    {
        Address = address;
        Port = port;
    }

    /// <summary>The client's IP address as text (an IPv4 peer of a dual-stack socket as IPv4).</summary>
    public string Address { get; }

    public int Port { get; }

    /// <summary>The property for a socket's remote end point; null when it is not an IP end point.</summary>
    public static RemoteEndpointMessageProperty? Of(EndPoint? remote) => remote is IPEndPoint { Address: var address, Port: var port }
        ? new RemoteEndpointMessageProperty((address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString(), port)
        : null;
}

/// <summary>The properties of a received message, by name (WCF's <c>MessageProperties</c>).</summary>
public sealed class MessageProperties : Dictionary<string, object>
{
}
