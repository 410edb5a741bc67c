namespace Ikosa.ServiceModel;

/// <summary>Marks an interface as a service contract. Name and Namespace shape every Action and body element.</summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class, Inherited = false)]
public sealed class ServiceContractAttribute : Attribute
{
    /// <summary>The contract name; the interface name when null.</summary>
    public string? Name { get; set; }

    /// <summary>The contract namespace; <c>http://tempuri.org/</c> when null.</summary>
    public string? Namespace { get; set; }

    /// <summary>The interface the service calls back on the client through the same session.</summary>
    public Type? CallbackContract { get; set; }

    public SessionMode SessionMode { get; set; } = SessionMode.Allowed;
}
