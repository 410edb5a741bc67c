namespace Ikosa.ServiceModel.Channels;

/// <summary>
/// A fault reply, decoded on the receive loop and rethrown by the caller. Kept apart from exceptions of the session
/// itself so that a SOAP fault (the call failed) never faults the channel (the session failed).
/// </summary>
internal sealed record FaultReply(Exception Error)
{
    /// <summary>The reply's result, or a <see cref="FaultReply"/> when the reply is a fault.</summary>
    public static object? Decode(Message reply, Description.OperationDescription operation, object?[] arguments) =>
        reply.IsFault
            ? new FaultReply(Dispatcher.FaultConverter.ReadFault(reply, operation))
            : operation.Formatter.DeserializeReply(reply, arguments);

    public static object? ThrowIfFault(object? result) => result is FaultReply fault ? throw fault.Error : result;
}
