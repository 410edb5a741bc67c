using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ikosa.Engine.Model;

/// <summary>Writes an <see cref="EntityId"/> as its GUID string, so stored entities stay readable.</summary>
public sealed class EntityIdJsonConverter : JsonConverter<EntityId>
{
    public override EntityId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EntityId.Parse(reader.GetString() ?? throw new JsonException("an entity id may not be null"));

    public override void Write(Utf8JsonWriter writer, EntityId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    public override EntityId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EntityId.Parse(reader.GetString() ?? throw new JsonException("an entity id may not be null"));

    public override void WriteAsPropertyName(Utf8JsonWriter writer, EntityId value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString());
}
