namespace Ikosa.ServiceModel;

/// <summary>The fixed namespaces, codes, actions and reason texts of SOAP 1.2 / WS-Addressing 1.0 faults as WCF sends them.</summary>
internal static class FaultNames
{
    public const string Soap12Namespace = "http://www.w3.org/2003/05/soap-envelope";
    public const string Soap11Namespace = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string AddressingNamespace = "http://www.w3.org/2005/08/addressing";
    public const string DispatcherNamespace = "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher";
    public const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    public const string Sender = "Sender";
    public const string Receiver = "Receiver";
    public const string MustUnderstand = "MustUnderstand";
    public const string ActionNotSupported = "ActionNotSupported";
    public const string DestinationUnreachable = "DestinationUnreachable";
    public const string InternalServiceFault = "InternalServiceFault";
    public const string DeserializationFailed = "DeserializationFailed";

    /// <summary>Action of a plain FaultException and of SOAP-level faults such as MustUnderstand.</summary>
    public const string DefaultFaultAction = "http://www.w3.org/2005/08/addressing/soap/fault";

    /// <summary>Action of WS-Addressing faults (ActionNotSupported, DestinationUnreachable).</summary>
    public const string AddressingFaultAction = "http://www.w3.org/2005/08/addressing/fault";

    /// <summary>Action of the InternalServiceFault sent for an unhandled exception.</summary>
    public const string DispatcherFaultAction = DispatcherNamespace + "/fault";

    public const string DefaultReason = "The creator of this fault did not specify a Reason.";

    public const string InternalServiceFaultReason =
        "The server was unable to process the request due to an internal error.  For more information about the error, " +
        "either turn on IncludeExceptionDetailInFaults (either from ServiceBehaviorAttribute or from the <serviceDebug> " +
        "configuration behavior) on the server in order to send the exception information back to the client, or turn on " +
        "tracing as per the Microsoft .NET Framework SDK documentation and inspect the server trace logs.";

    public static string ActionNotSupportedReason(string action) =>
        $"The message with Action '{action}' cannot be processed at the receiver, due to a ContractFilter mismatch at the " +
        "EndpointDispatcher. This may be because of either a contract mismatch (mismatched Actions between sender and " +
        "receiver) or a binding/security mismatch between the sender and the receiver.  Check that sender and receiver " +
        "have the same contract and the same binding (including security requirements, e.g. Message, Transport, None).";

    public static string DestinationUnreachableReason(string to) =>
        $"The message with To '{to}' cannot be processed at the receiver, due to an AddressFilter mismatch at the " +
        "EndpointDispatcher.  Check that the sender and receiver's EndpointAddresses agree.";

    public static string MustUnderstandReason(string name, string ns) =>
        $"The header '{name}' from the namespace '{ns}' was not understood by the recipient of this message, causing the " +
        "message to not be processed.  This error typically indicates that the sender of this message has enabled a " +
        "communication protocol that the receiver cannot process.  Please ensure that the configuration of the client's " +
        "binding is consistent with the service's binding.";
}
