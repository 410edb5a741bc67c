namespace Ikosa.ServiceModel.Description;

/// <summary>A fault an operation declares with <see cref="FaultContractAttribute"/>.</summary>
public sealed class FaultDescription(Type detailType, string action, string name, string ns)
{
    /// <summary>The data contract sent in <c>s:Detail</c>.</summary>
    public Type DetailType { get; } = detailType;

    /// <summary>The fault message's Action, e.g. <c>urn:harness/IEchoService/FailHarnessFaultFault</c>.</summary>
    public string Action { get; } = action;

    public string Name { get; } = name;

    public string Namespace { get; } = ns;

    public override string ToString() => $"{Name} ({DetailType.Name}) {Action}";
}
