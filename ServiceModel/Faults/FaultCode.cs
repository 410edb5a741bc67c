namespace Ikosa.ServiceModel;

/// <summary>
/// A SOAP fault code: a name in a namespace with an optional, more specific subcode. The predefined codes
/// (Sender, Receiver, MustUnderstand, …) have an empty namespace or the SOAP envelope namespace.
/// </summary>
public class FaultCode
{
    public FaultCode(string name) : this(name, string.Empty, null) { }

    public FaultCode(string name, FaultCode? subCode) : this(name, string.Empty, subCode) { }

    public FaultCode(string name, string ns) : this(name, ns, null) { }

    public FaultCode(string name, string ns, FaultCode? subCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(ns);
        Name = name;
        Namespace = ns;
        SubCode = subCode;
    }

    public string Name { get; }

    public string Namespace { get; }

    public FaultCode? SubCode { get; }

    /// <summary>Defined by SOAP itself, not by an application.</summary>
    public bool IsPredefinedFault =>
        Namespace.Length == 0 || Namespace == FaultNames.Soap12Namespace || Namespace == FaultNames.Soap11Namespace;

    /// <summary>The sender's message was at fault (SOAP 1.1 calls it Client).</summary>
    public bool IsSenderFault => IsPredefinedFault && (Name == FaultNames.Sender || Name == "Client");

    /// <summary>The receiver failed to process a valid message (SOAP 1.1 calls it Server).</summary>
    public bool IsReceiverFault => IsPredefinedFault && (Name == FaultNames.Receiver || Name == "Server");

    public static FaultCode CreateSenderFaultCode(FaultCode? subCode) => new(FaultNames.Sender, subCode);

    public static FaultCode CreateSenderFaultCode(string name, string ns) => new(FaultNames.Sender, new FaultCode(name, ns));

    public static FaultCode CreateReceiverFaultCode(FaultCode? subCode) => new(FaultNames.Receiver, subCode);

    public static FaultCode CreateReceiverFaultCode(string name, string ns) => new(FaultNames.Receiver, new FaultCode(name, ns));

    public override string ToString() =>
        (Namespace.Length == 0 ? Name : $"{Namespace}:{Name}") + (SubCode is null ? "" : $" / {SubCode}");
}
