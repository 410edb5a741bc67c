using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Ikosa.Engine.Model;

/// <summary>
/// Names the entity types the model may hold, so that the store can persist an entity under a stable
/// type name (not a CLR name that moves with refactoring) and load it back. Registering a type also
/// checks that it is immutable, because a mutable entity could change without the transaction knowing.
/// </summary>
public sealed class EntityTypeRegistry
{
    private readonly ConcurrentDictionary<Type, string> _namesByType = new();
    private readonly ConcurrentDictionary<string, Type> _typesByName = new(StringComparer.Ordinal);

    public EntityTypeRegistry()
    {
        JsonOptions = new JsonSerializerOptions(JsonSerializerDefaults.General);
    }

    /// <summary>Options used to serialise entities; add converters before the first commit.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    public IReadOnlyCollection<string> Names => (IReadOnlyCollection<string>)_typesByName.Keys;

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">the name or type is taken, or the type is mutable</exception>
    public EntityTypeRegistry Register<T>(string name) where T : Entity => Register(typeof(T), name);

    public EntityTypeRegistry Register(Type type, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!typeof(Entity).IsAssignableFrom(type) || type.IsAbstract)
            throw new ArgumentException($"{type.Name} is not a concrete Entity type", nameof(type));
        EnsureImmutable(type);
        lock (_typesByName)
        {
            if (_typesByName.TryGetValue(name, out var existing) && existing != type)
                throw new ArgumentException($"entity type name '{name}' is already used by {existing.FullName}", nameof(name));
            if (_namesByType.TryGetValue(type, out var existingName) && existingName != name)
                throw new ArgumentException($"{type.FullName} is already registered as '{existingName}'", nameof(type));
            _typesByName[name] = type;
            _namesByType[type] = name;
        }
        return this;
    }

    public bool IsRegistered(Type type) => _namesByType.ContainsKey(type);

    public string NameOf(Type type) =>
        _namesByType.TryGetValue(type, out var name)
            ? name
            : throw new InvalidOperationException(
                $"entity type {type.FullName} is not registered; call EntityTypeRegistry.Register<{type.Name}>(\"name\") at start-up");

    public Type TypeOf(string name) =>
        _typesByName.TryGetValue(name, out var type)
            ? type
            : throw new UnknownEntityTypeException(name);

    public string Serialize(Entity entity) => JsonSerializer.Serialize(entity, entity.GetType(), JsonOptions);

    public Entity Deserialize(string typeName, string json) =>
        JsonSerializer.Deserialize(json, TypeOf(typeName), JsonOptions) as Entity
        ?? throw new JsonException($"stored {typeName} is null");

    private static void EnsureImmutable(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
        {
            var setter = property.SetMethod;
            if (setter is not null && !IsInitOnly(setter) && setter.IsPublic)
                throw new ArgumentException($"{type.Name}.{property.Name} has a public setter; entities must be immutable (use init)");
            if (IsMutableCollection(property.PropertyType))
                throw new ArgumentException(
                    $"{type.Name}.{property.Name} is a mutable collection ({property.PropertyType.Name}); use System.Collections.Immutable");
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!field.IsInitOnly)
                throw new ArgumentException($"{type.Name}.{field.Name} is a writable public field; entities must be immutable");
        }
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsMutableCollection(Type type)
    {
        if (type.IsArray) return true;
        if (type.IsInterface || type == typeof(string)) return false;
        var ns = type.Namespace ?? "";
        if (ns.StartsWith("System.Collections.Immutable", StringComparison.Ordinal) ||
            ns.StartsWith("System.Collections.Frozen", StringComparison.Ordinal))
            return false;
        return typeof(System.Collections.IList).IsAssignableFrom(type) ||
               typeof(System.Collections.IDictionary).IsAssignableFrom(type) ||
               type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>));
    }
}
