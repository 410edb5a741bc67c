namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>A SOAP fault as read from a message: code, reason, and the detail when it matched a known detail type.</summary>
internal sealed record ReceivedFault(FaultCode Code, string Reason, Type? DetailType, object? Detail)
{
    /// <summary>The first subcode, where WCF puts the specific fault (InternalServiceFault, ActionNotSupported…).</summary>
    public bool HasSubCode(string name, string ns) => Code.SubCode is { } sub && sub.Name == name && sub.Namespace == ns;
}
