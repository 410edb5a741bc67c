using System.Xml;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>
/// Runs a body writer once against a discarding writer, so that a value the serializer refuses fails here, in the
/// caller, and not later inside the encoder (where it would leave a half-written envelope and session strings behind).
/// </summary>
internal static class BodyValidation
{
    // One reusable writer per thread: creating a binary writer costs more than the check itself.
    [ThreadStatic]
    private static XmlDictionaryWriter? discardingWriter;

    public static void CheckWrites(Action<XmlDictionaryWriter> write)
    {
        var writer = discardingWriter ??= XmlDictionaryWriter.CreateBinaryWriter(Stream.Null);
        ((IXmlBinaryWriterInitializer)writer).SetOutput(Stream.Null, dictionary: null, session: null, ownsStream: false);
        writer.WriteStartElement("s", "Body", FaultNames.Soap12Namespace);
        writer.WriteXmlnsAttribute("a", FaultNames.AddressingNamespace);
        write(writer);
        writer.WriteEndElement();
        writer.Flush();
    }
}
