namespace Ikosa.ServiceModel.Framing;

/// <summary>The fault URIs of [MC-NMF] and the exceptions WCF's client raises when it receives them.</summary>
public static class FramingFaults
{
    public const string UriPrefix = "http://schemas.microsoft.com/ws/2006/05/framing/faults/";

    public static string ToUri(FramingFault fault) => fault switch
    {
        // The one fault whose URI carries a "Fault" suffix (FramingEncoders.cs in both code bases).
        FramingFault.MaxMessageSizeExceeded => UriPrefix + "MaxMessageSizeExceededFault",
        _ when Enum.IsDefined(fault) => UriPrefix + fault,
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "not a framing fault"),
    };

    public static bool TryParse(string uri, out FramingFault fault)
    {
        foreach (var candidate in Enum.GetValues<FramingFault>())
        {
            if (string.Equals(ToUri(candidate), uri, StringComparison.Ordinal))
            {
                fault = candidate;
                return true;
            }
        }
        fault = default;
        return false;
    }

    /// <summary>The exception a client raises for a fault record received from the server at <paramref name="via"/>.</summary>
    public static Exception ToException(string faultUri, string via)
    {
        if (!TryParse(faultUri, out var fault))
            return new ProtocolException(
                $"The server at '{via}' rejected the session with the unrecognized framing fault '{faultUri}'.");

        return fault switch
        {
            FramingFault.EndpointNotFound => new EndpointNotFoundException(
                $"There was no channel actively listening at '{via}'. Check that the address the client uses matches " +
                "an address on which a service is listening."),
            FramingFault.ServerTooBusy => new ServerTooBusyException(
                $"The server at '{via}' is too busy to accept the session. Try again later."),
            FramingFault.MaxMessageSizeExceeded => new QuotaExceededException(
                "The message was larger than the server's maximum received message size (MaxReceivedMessageSize). " +
                "Send a smaller message or raise the quota on the server's binding."),
            FramingFault.ContentTypeInvalid => new ProtocolException(
                $"The server at '{via}' does not accept this message encoding. Both sides must use NetTcpBinding's " +
                "binary session encoding (application/soap+msbinsession1)."),
            FramingFault.ContentTypeTooLong => new ProtocolException(
                $"The content type sent to '{via}' is longer than the server accepts."),
            FramingFault.ViaTooLong => new ProtocolException(
                $"The address '{via}' is longer than the server accepts (MaxViaSize). Use a shorter address."),
            FramingFault.UnsupportedMode => new ProtocolException(
                $"The server at '{via}' does not support the requested framing mode. Check that both sides use the " +
                "same transfer mode (buffered or streamed)."),
            FramingFault.UnsupportedVersion => new ProtocolException(
                $"The server at '{via}' does not support this version of the net.tcp framing protocol."),
            FramingFault.UpgradeInvalid => new ProtocolException(
                $"The server at '{via}' refused the requested transport security upgrade. Check that both sides use " +
                "the same security mode."),
            FramingFault.EndpointUnavailable => new EndpointNotFoundException(
                $"The endpoint at '{via}' exists but is not available at the moment. Try again later."),
            FramingFault.ServiceActivationFailed => new ProtocolException(
                $"The service at '{via}' could not be activated. See the server's logs."),
            FramingFault.ConnectionDispatchFailed => new ProtocolException(
                $"The server at '{via}' could not dispatch the connection to a service. See the server's logs."),
            _ => new ProtocolException($"The server at '{via}' sent the framing fault '{faultUri}'."),
        };
    }
}
