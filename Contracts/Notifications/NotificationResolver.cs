using System.Runtime.Serialization;
using System.Xml;

namespace Ikosa.Contracts;

/// <summary>
/// Lets a batch carry notification contracts beyond <see cref="BatchInfo"/>'s known types (a rule package's) and lets a
/// client read a batch holding one it does not know: that one becomes an <see cref="UnknownNotificationInfo"/> instead
/// of failing the whole batch. Set it as the DataContractResolver of the callback operations (WCF's
/// DataContractSerializerOperationBehavior), on the host with the loaded packages' contracts, on a client with those it
/// knows. Plain System.Runtime.Serialization: it serves Microsoft's WCF client as it serves ours.
/// </summary>
public sealed class NotificationResolver : DataContractResolver
{
    private readonly Dictionary<Type, (XmlDictionaryString Name, XmlDictionaryString Namespace)> _names = new();
    private readonly Dictionary<(string Name, string Namespace), Type> _types = new();

    /// <param name="contracts">notification contracts besides the known types: classes deriving from <see cref="NotificationInfo"/></param>
    public NotificationResolver(IEnumerable<Type> contracts)
    {
        var dictionary = new XmlDictionary();
        var exporter = new XsdDataContractExporter();
        foreach (var type in contracts.Distinct())
        {
            if (!typeof(NotificationInfo).IsAssignableFrom(type) || type.IsAbstract)
                throw new ArgumentException($"{type.FullName} is not a notification contract: it must be a concrete class deriving from {nameof(NotificationInfo)}.", nameof(contracts));
            var name = exporter.GetSchemaTypeName(type);
            if (_types.TryGetValue((name.Name, name.Namespace), out var other))
                throw new ArgumentException($"{type.FullName} and {other.FullName} are both the data contract {name.Namespace}:{name.Name}.", nameof(contracts));
            _types[(name.Name, name.Namespace)] = type;
            _names[type] = (dictionary.Add(name.Name), dictionary.Add(name.Namespace));
        }
    }

    /// <summary>The contracts this resolver adds to the known types.</summary>
    public IReadOnlyCollection<Type> Contracts => _names.Keys;

    public override bool TryResolveType(Type type, Type? declaredType, DataContractResolver knownTypeResolver,
        out XmlDictionaryString? typeName, out XmlDictionaryString? typeNamespace)
    {
        if (_names.TryGetValue(type, out var name))
        {
            (typeName, typeNamespace) = name;
            return true;
        }
        return knownTypeResolver.TryResolveType(type, declaredType, knownTypeResolver, out typeName, out typeNamespace);
    }

    public override Type? ResolveName(string typeName, string? typeNamespace, Type? declaredType, DataContractResolver knownTypeResolver) =>
        knownTypeResolver.ResolveName(typeName, typeNamespace, declaredType, knownTypeResolver)
        ?? _types.GetValueOrDefault((typeName, typeNamespace ?? ""))
        ?? (declaredType == typeof(NotificationInfo) ? typeof(UnknownNotificationInfo) : null);
}
