using System.Runtime.Serialization;

namespace Ikosa.ServiceModel.Description;

/// <summary>
/// How an operation's bodies and fault details are serialized (WCF's behavior of the same name, in every operation's
/// <see cref="OperationDescription.OperationBehaviors"/>). Its <see cref="DataContractResolver"/> lets a factory or a
/// service map xsi:type names the contract's known types do not cover, e.g. data contracts added by plug-ins, or an
/// unknown type to a stand-in. Read when the operation first serializes: set it before the first call.
/// </summary>
public sealed class DataContractSerializerOperationBehavior
{
    private DataContractResolver? _resolver;

    internal DataContractSerializerOperationBehavior(OperationDescription operation)
    {
        Operation = operation;
    }

    public OperationDescription Operation { get; }

    /// <summary>Resolves types and xsi:type names beyond the known types; null: the known types only.</summary>
    /// <exception cref="InvalidOperationException">The operation has already serialized something.</exception>
    public DataContractResolver? DataContractResolver
    {
        get => _resolver;
        set
        {
            if (InUse)
                throw new InvalidOperationException(
                    $"Operation {Operation.Name} has already serialized with its resolver; set DataContractResolver before the first call of the factory or before the host opens.");
            _resolver = value;
        }
    }

    /// <summary>Set once a serializer was made with this behavior's settings.</summary>
    internal bool InUse { get; private set; }

    /// <summary>New settings for one of the operation's serializers; from now on the resolver may not change.</summary>
    internal DataContractSerializerSettings SettingsFor(IEnumerable<Type> knownTypes)
    {
        InUse = true;
        return new DataContractSerializerSettings { KnownTypes = knownTypes, DataContractResolver = _resolver };
    }
}
