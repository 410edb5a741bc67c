using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;

namespace Ikosa.ServiceModel;

/// <summary>The context of the operation running now: its session, its request, and the way back to the client.</summary>
public sealed class OperationContext
{
    private static readonly AsyncLocal<OperationContext?> s_current = new();

    internal OperationContext(Server.ServerSessionChannel channel, Message requestMessage, OperationDescription operation)
    {
        SessionChannel = channel;
        RequestMessage = requestMessage;
        Operation = operation;
    }

    /// <summary>The context of the operation running on this async flow, or null outside an operation.</summary>
    public static OperationContext? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    internal Server.ServerSessionChannel SessionChannel { get; }

    public IContextChannel Channel => SessionChannel;

    public string SessionId => SessionChannel.SessionId;

    public Message RequestMessage { get; }

    /// <summary>
    /// The request's properties, as WCF has them: <see cref="RemoteEndpointMessageProperty.Name"/> holds the client's
    /// address and port. Made on first use: most operations never ask.
    /// </summary>
    public MessageProperties IncomingMessageProperties => _incomingMessageProperties ??= NewProperties();

    private MessageProperties? _incomingMessageProperties;

    private MessageProperties NewProperties()
    {
        var properties = new MessageProperties();
        if (SessionChannel.RemoteEndpoint is { } remote)
            properties[RemoteEndpointMessageProperty.Name] = remote;
        return properties;
    }

    public OperationDescription Operation { get; }

    public ServiceEndpoint Endpoint => SessionChannel.Endpoint;

    /// <summary>True once the service has marked this session authenticated.</summary>
    public bool IsSessionAuthenticated => SessionChannel.IsAuthenticated;

    /// <summary>
    /// An Ikosa extension: the service has authenticated this session (a login, a ticket bound). It is no longer closed
    /// at the service's SessionAuthenticationTimeout nor counted against MaxUnauthenticatedSessionsPerAddress.
    /// </summary>
    public void MarkSessionAuthenticated() => SessionChannel.MarkAuthenticated();

    /// <summary>A proxy for the session's callback contract; calls on it go back to this client over the same session.</summary>
    public T GetCallbackChannel<T>() where T : class => SessionChannel.GetCallbackChannel<T>();
}
