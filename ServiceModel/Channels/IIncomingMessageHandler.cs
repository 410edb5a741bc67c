namespace Ikosa.ServiceModel.Channels;

/// <summary>Receives a session's messages that are not replies to its own requests (requests, one-way calls, callbacks).</summary>
internal interface IIncomingMessageHandler
{
    /// <summary>
    /// Called on the receive loop, in arrival order. It must read the message body before it returns (the inbound
    /// dictionary session changes with the next message) and must not block on the network.
    /// </summary>
    void OnMessage(Message message);

    /// <summary>
    /// Completes when the handler can take more messages. The receive loop awaits it before reading again, so a peer
    /// that sends calls faster than they run is slowed by TCP instead of filling memory.
    /// </summary>
    ValueTask WhenReadyForMoreAsync(CancellationToken cancellationToken);
}
