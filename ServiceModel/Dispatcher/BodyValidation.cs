using System.Xml;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>
/// Runs a body writer once against a discarding writer, so that a value the serializer refuses fails here, in the
/// caller, and not later inside the encoder (where it would leave a half-written envelope and session strings behind).
/// </summary>
internal static class BodyValidation
{
    public static void CheckWrites(Action<XmlDictionaryWriter> write)
    {
        using var writer = XmlDictionaryWriter.CreateBinaryWriter(Stream.Null, dictionary: null, session: null, ownsStream: false);
        writer.WriteStartElement("s", "Body", FaultNames.Soap12Namespace);
        writer.WriteXmlnsAttribute("a", FaultNames.AddressingNamespace);
        write(writer);
        writer.WriteEndElement();
        writer.Flush();
    }
}
