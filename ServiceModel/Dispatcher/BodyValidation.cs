using System.Xml;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>
/// Runs a body writer once against a discarding writer, so that a value the serializer refuses fails here, in the
/// caller, and not later inside the encoder (where it would leave a half-written envelope and session strings behind).
/// The discarding writer is kept per thread: making one per message costs more than the trial write itself.
/// </summary>
internal static class BodyValidation
{
    [ThreadStatic]
    private static XmlDictionaryWriter? t_writer;

    public static void CheckWrites(Action<XmlDictionaryWriter> write)
    {
        // Taken, not borrowed: a body writer that validates another body meanwhile gets a writer of its own.
        var writer = t_writer ?? XmlDictionaryWriter.CreateBinaryWriter(Stream.Null, dictionary: null, session: null, ownsStream: false);
        t_writer = null;
        try
        {
            ((IXmlBinaryWriterInitializer)writer).SetOutput(Stream.Null, dictionary: null, session: null, ownsStream: false);
            writer.WriteStartElement("s", "Body", FaultNames.Soap12Namespace);
            writer.WriteXmlnsAttribute("a", FaultNames.AddressingNamespace);
            write(writer);
            writer.WriteEndElement();
            writer.Flush();
        }
        finally
        {
            t_writer = writer;
        }
    }
}
