using System.Xml;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// Writes a <see cref="Message"/> as a SOAP 1.2 + WS-Addressing 1.0 envelope the way WCF does: prefixes s and a
/// declared on the envelope, headers in WCF's order, and each header value in the form WCF's binary output shows.
/// </summary>
internal static class EnvelopeWriter
{
    // Strings from this dictionary are not in the static one, so the binary writer puts them into the session table.
    private static readonly XmlDictionary SessionCandidates = new();

    private const string S = "s";
    private const string A = "a";

    public static void Write(XmlDictionaryWriter writer, Message message)
    {
        writer.WriteStartElement(S, NbfsStrings.Envelope, NbfsStrings.Soap12Namespace);
        writer.WriteXmlnsAttribute(A, NbfsStrings.AddressingNamespace);
        writer.WriteStartElement(S, NbfsStrings.Header, NbfsStrings.Soap12Namespace);
        WriteHeaders(writer, message);
        writer.WriteEndElement();
        writer.WriteStartElement(S, NbfsStrings.Body, NbfsStrings.Soap12Namespace);
        message.Body.WriteTo(writer);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteHeaders(XmlDictionaryWriter writer, Message message)
    {
        StartHeader(writer, NbfsStrings.Action, mustUnderstand: true);
        // WCF writes a contract's actions from its dictionary (a session string) but builds fault messages
        // from plain strings (inline text); the capture shows both.
        if (message.IsFault)
            writer.WriteString(message.Action);
        else
            writer.WriteString(SessionString(message.Action));
        writer.WriteEndElement();

        if (message.MessageId is { } messageId)
            WriteUniqueIdHeader(writer, NbfsStrings.MessageId, messageId);

        if (message.RelatesTo is { } relatesTo)
            WriteUniqueIdHeader(writer, NbfsStrings.RelatesTo, relatesTo);

        if (message.ReplyTo is { } replyTo)
        {
            StartHeader(writer, NbfsStrings.ReplyTo, mustUnderstand: false);
            writer.WriteStartElement(A, NbfsStrings.Address, NbfsStrings.AddressingNamespace);
            if (IsAnonymous(replyTo))
                writer.WriteString(NbfsStrings.Anonymous);
            else
                writer.WriteString(replyTo);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        if (message.To is { } to)
        {
            StartHeader(writer, NbfsStrings.To, mustUnderstand: true);
            writer.WriteString(IsAnonymous(to) ? NbfsStrings.Anonymous : SessionString(to));
            writer.WriteEndElement();
        }
    }

    private static void WriteUniqueIdHeader(XmlDictionaryWriter writer, XmlDictionaryString name, UniqueId value)
    {
        StartHeader(writer, name, mustUnderstand: false);
        writer.WriteValue(value);
        writer.WriteEndElement();
    }

    private static void StartHeader(XmlDictionaryWriter writer, XmlDictionaryString name, bool mustUnderstand)
    {
        writer.WriteStartElement(A, name, NbfsStrings.AddressingNamespace);
        if (mustUnderstand)
        {
            writer.WriteStartAttribute(S, NbfsStrings.MustUnderstand, NbfsStrings.Soap12Namespace);
            writer.WriteValue(1);
            writer.WriteEndAttribute();
        }
    }

    private static bool IsAnonymous(string address) => string.Equals(address, NbfsStrings.Anonymous.Value, StringComparison.Ordinal);

    private static XmlDictionaryString SessionString(string value) => new(SessionCandidates, value, 0);
}
