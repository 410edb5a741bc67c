namespace Ikosa.ServiceModel;

/// <summary>
/// A SOAP fault: thrown by a service to send one, raised on the client when one arrives.
/// <see cref="Exception.Message"/> is the reason text.
/// </summary>
public class FaultException : CommunicationException
{
    public FaultException() : this(FaultNames.DefaultReason) { }

    public FaultException(string reason) : this(reason, FaultCode.CreateSenderFaultCode(null)) { }

    public FaultException(string reason, FaultCode code) : this(reason, code, null) { }

    public FaultException(string reason, FaultCode code, string? action) : this(reason, code, action, null) { }

    public FaultException(string reason, FaultCode code, string? action, Exception? innerException)
        : base(reason ?? FaultNames.DefaultReason, innerException)
    {
        Code = code ?? throw new ArgumentNullException(nameof(code));
        Action = action;
    }

    public FaultCode Code { get; }

    /// <summary>The reason text (SOAP <c>s:Reason/s:Text</c>).</summary>
    public string Reason => Message;

    /// <summary>The fault message's Action; null means the default for the kind of fault.</summary>
    public string? Action { get; }

    /// <summary>The detail's type for <see cref="FaultException{TDetail}"/>, null for a fault without detail.</summary>
    internal virtual Type? DetailType => null;

    internal virtual object? DetailObject => null;
}
