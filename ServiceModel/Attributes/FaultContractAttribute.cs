namespace Ikosa.ServiceModel;

/// <summary>Declares a fault detail type the operation may throw as <c>FaultException&lt;T&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class FaultContractAttribute(Type detailType) : Attribute
{
    public Type DetailType { get; } = detailType ?? throw new ArgumentNullException(nameof(detailType));

    /// <summary>The fault message's Action; <c>ns/Contract/Op</c> + <see cref="Name"/> when null.</summary>
    public string? Action { get; set; }

    /// <summary>The fault name; the detail type's name plus <c>Fault</c> when null.</summary>
    public string? Name { get; set; }

    /// <summary>The fault namespace; the contract namespace when null.</summary>
    public string? Namespace { get; set; }
}
