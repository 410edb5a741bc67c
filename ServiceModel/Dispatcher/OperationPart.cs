using System.Runtime.Serialization;
using System.Xml;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>
/// One part of a wrapped body (a parameter or the result): its element name, made once as a dictionary string so the
/// binary session sends it once, and how its value is written and read. Strings, ints, longs and bools are written
/// and read directly, record for record as the DataContractSerializer writes them but without its per-call set-up;
/// every other type, and null, goes through a DataContractSerializer made once for the part. Thread-safe.
/// </summary>
internal sealed class OperationPart
{
    private enum Primitive { None, String, Int32, Int64, Boolean }

    private readonly XmlDictionaryString _namespace;
    private readonly Primitive _primitive;
    private readonly Lazy<DataContractSerializer> _serializer;

    /// <param name="settings">the serializer's known types and resolver, asked for when the serializer is first needed</param>
    public OperationPart(XmlDictionary names, string name, XmlDictionaryString ns, Type type, int index, Func<DataContractSerializerSettings> settings)
    {
        Name = names.Add(name);
        _namespace = ns;
        Type = type;
        Index = index;
        _primitive = PrimitiveOf(type);
        _serializer = new(() =>
        {
            var partSettings = settings();
            partSettings.RootName = Name;
            partSettings.RootNamespace = _namespace;
            return new DataContractSerializer(type, partSettings);
        });
    }

    public XmlDictionaryString Name { get; }

    public Type Type { get; }

    /// <summary>The parameter's position in the arguments, or -1 for the result.</summary>
    public int Index { get; }

    public bool IsNamed(XmlDictionaryReader reader) => reader.IsStartElement(Name, _namespace);

    public void Write(XmlDictionaryWriter writer, object? value)
    {
        if (value is null || _primitive == Primitive.None)
        {
            _serializer.Value.WriteObject(writer, value);
            return;
        }
        writer.WriteStartElement(Name, _namespace);
        switch (_primitive)
        {
            case Primitive.String:
                writer.WriteString((string)value);
                break;
            case Primitive.Int32:
                writer.WriteValue((int)value);
                break;
            case Primitive.Int64:
                writer.WriteValue((long)value);
                break;
            default:
                writer.WriteValue((bool)value);
                break;
        }
        writer.WriteEndElement();
    }

    /// <summary>Reads the part's element; an element with attributes (xsi:nil, xsi:type) is left to the serializer.</summary>
    public object? Read(XmlDictionaryReader reader)
    {
        if (_primitive == Primitive.None || reader.HasAttributes)
            return _serializer.Value.ReadObject(reader, verifyObjectName: false);
        return _primitive switch
        {
            Primitive.String => reader.ReadElementContentAsString(),
            Primitive.Int32 => reader.ReadElementContentAsInt(),
            Primitive.Int64 => reader.ReadElementContentAsLong(),
            _ => reader.ReadElementContentAsBoolean(),
        };
    }

    /// <summary>
    /// True when writing <paramref name="value"/> cannot throw, so no trial write is needed before the message is
    /// encoded: null, and the primitives, except strings with surrogates (a lone one fails in the UTF-8 encoder).
    /// </summary>
    public bool CannotFailToWrite(object? value) =>
        value is null
        || (_primitive != Primitive.None && (value is not string text || !text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')));

    private static Primitive PrimitiveOf(Type type) =>
        type == typeof(string) ? Primitive.String
        : type == typeof(int) ? Primitive.Int32
        : type == typeof(long) ? Primitive.Int64
        : type == typeof(bool) ? Primitive.Boolean
        : Primitive.None;
}
