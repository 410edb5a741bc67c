namespace Ikosa.ServiceModel;

/// <summary>A type the serializer must know for the operations of a contract (on the interface) or of one method.</summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ServiceKnownTypeAttribute(Type type) : Attribute
{
    public Type Type { get; } = type ?? throw new ArgumentNullException(nameof(type));
}
