using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Ikosa.Engine.Model;

/// <summary>The stable identity of an entity: it never changes and is never reused.</summary>
[JsonConverter(typeof(EntityIdJsonConverter))]
public readonly record struct EntityId(Guid Value)
{
    public static EntityId New() => new(Guid.NewGuid());

    /// <summary>
    /// A deterministic id derived from a name, for singletons such as the map or the turn order,
    /// so that every start of the host finds them under the same id.
    /// </summary>
    public static EntityId Named(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("ikosa-entity:" + name), hash);
        return new EntityId(new Guid(hash[..16]));
    }

    public static EntityId Parse(string text) =>
        Guid.TryParse(text, out var guid) ? new EntityId(guid) : throw new FormatException($"'{text}' is not an entity id (a GUID)");

    public override string ToString() => Value.ToString("D");
}
