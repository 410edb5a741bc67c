using System.Xml;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// Reads a SOAP 1.2 + WS-Addressing 1.0 envelope. Malformed structure throws <see cref="ProtocolException"/>;
/// the XML reader's own errors (XmlException and the like) are left to the caller to wrap.
/// </summary>
internal static class EnvelopeReader
{
    /// <summary>Reads the headers, then walks the body to the end so malformed content is found now.</summary>
    public static EnvelopeHeaders ReadHeadersAndCheckBody(XmlDictionaryReader reader)
    {
        StartEnvelope(reader);
        var headers = reader.IsStartElement(NbfsStrings.Header, NbfsStrings.Soap12Namespace)
            ? ReadHeaderBlock(reader)
            : throw new ProtocolException("The envelope has no s:Header, so no a:Action: it cannot be dispatched.");

        CheckBodyToEnd(reader);
        return headers;
    }

    /// <summary>Walks an envelope whose header block was read elsewhere and cut out: s:Envelope, then s:Body, then nothing.</summary>
    public static void CheckHeaderlessBody(XmlDictionaryReader reader)
    {
        StartEnvelope(reader);
        CheckBodyToEnd(reader);
    }

    private static void CheckBodyToEnd(XmlDictionaryReader reader)
    {
        RequireBody(reader);
        reader.Skip();
        if (reader.MoveToContent() != XmlNodeType.EndElement)
            throw new ProtocolException($"The envelope has content after s:Body ({Describe(reader)}).");
        reader.ReadEndElement();
        reader.MoveToContent();
        if (!reader.EOF)
            throw new ProtocolException($"The message has content after the envelope ({Describe(reader)}).");
    }

    /// <summary>Moves a fresh reader over an envelope already checked onto the body's first element; true when it is a SOAP fault.</summary>
    public static bool MoveToBodyContent(XmlDictionaryReader reader)
    {
        StartEnvelope(reader);
        if (reader.IsStartElement(NbfsStrings.Header, NbfsStrings.Soap12Namespace))
        {
            reader.Skip();
            reader.MoveToContent();
        }
        RequireBody(reader);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return false;
        }
        reader.ReadStartElement();
        reader.MoveToContent();
        return reader.IsStartElement(NbfsStrings.Fault, NbfsStrings.Soap12Namespace);
    }

    private static void StartEnvelope(XmlDictionaryReader reader)
    {
        reader.MoveToContent();
        if (!reader.IsStartElement(NbfsStrings.Envelope, NbfsStrings.Soap12Namespace))
            throw new ProtocolException($"The message is not a SOAP 1.2 envelope ({Describe(reader)}); net.tcp sessions use Soap12WSAddressing10.");
        if (reader.IsEmptyElement)
            throw new ProtocolException("The envelope is empty.");
        reader.ReadStartElement();
        reader.MoveToContent();
    }

    private static void RequireBody(XmlDictionaryReader reader)
    {
        if (!reader.IsStartElement(NbfsStrings.Body, NbfsStrings.Soap12Namespace))
            throw new ProtocolException($"Expected s:Body, found {Describe(reader)}.");
    }

    private static EnvelopeHeaders ReadHeaderBlock(XmlDictionaryReader reader)
    {
        var headers = new HeaderCollector();
        if (reader.IsEmptyElement)
            reader.Read();
        else
        {
            reader.ReadStartElement();
            while (reader.MoveToContent() == XmlNodeType.Element)
                headers.Read(reader);
            reader.ReadEndElement();
        }
        reader.MoveToContent();
        return headers.ToHeaders();
    }

    private static string Describe(XmlDictionaryReader reader) => reader.NodeType switch
    {
        XmlNodeType.Element => $"element {{{reader.NamespaceURI}}}{reader.LocalName}",
        XmlNodeType.None => "the end of the message",
        var other => other.ToString(),
    };

    /// <summary>Collects header blocks one at a time, refusing duplicates of the addressing headers it understands.</summary>
    private sealed class HeaderCollector
    {
        private string? _action;
        private UniqueId? _messageId;
        private UniqueId? _relatesTo;
        private string? _replyTo;
        private string? _to;
        private readonly List<MessageHeaderInfo> _others = new();

        public void Read(XmlDictionaryReader reader)
        {
            var mustUnderstand = ReadMustUnderstand(reader);
            // Names are compared as dictionary strings: reading LocalName or NamespaceURI as text would intern them
            // into a name table the reader builds afresh for every message.
            if (!reader.IsNamespaceUri(NbfsStrings.AddressingNamespace))
                SkipOther(reader, mustUnderstand);
            else if (reader.IsLocalName(NbfsStrings.Action))
            {
                Once(_action, "Action");
                _action = reader.ReadElementContentAsString();
            }
            else if (reader.IsLocalName(NbfsStrings.MessageId))
            {
                Once(_messageId, "MessageID");
                _messageId = reader.ReadElementContentAsUniqueId();
            }
            else if (reader.IsLocalName(NbfsStrings.RelatesTo))
            {
                Once(_relatesTo, "RelatesTo");
                _relatesTo = reader.ReadElementContentAsUniqueId();
            }
            else if (reader.IsLocalName(NbfsStrings.ReplyTo))
            {
                Once(_replyTo, "ReplyTo");
                _replyTo = ReadAddress(reader);
            }
            else if (reader.IsLocalName(NbfsStrings.To))
            {
                Once(_to, "To");
                _to = reader.ReadElementContentAsString();
            }
            else
                SkipOther(reader, mustUnderstand);
        }

        public EnvelopeHeaders ToHeaders() => new(
            _action ?? throw new ProtocolException("The message has no a:Action header: it cannot be dispatched."),
            _messageId, _relatesTo, _replyTo, _to, _others);

        private void SkipOther(XmlDictionaryReader reader, bool mustUnderstand)
        {
            _others.Add(new MessageHeaderInfo(reader.LocalName, reader.NamespaceURI, mustUnderstand));
            reader.Skip();
        }

        private static void Once(object? existing, string name)
        {
            if (existing is not null)
                throw new ProtocolException($"The message has more than one a:{name} header.");
        }

        private static bool ReadMustUnderstand(XmlDictionaryReader reader) =>
            reader.GetAttribute(NbfsStrings.MustUnderstand, NbfsStrings.Soap12Namespace)?.Trim() switch
            {
                null or "0" or "false" => false,
                "1" or "true" => true,
                var other => throw new ProtocolException($"'{other}' is not a valid s:mustUnderstand value (use 1, 0, true or false)."),
            };

        // An endpoint reference: its a:Address; reference parameters and metadata are not used by this runtime.
        private static string ReadAddress(XmlDictionaryReader reader)
        {
            string? address = null;
            if (reader.IsEmptyElement)
                reader.Read();
            else
            {
                reader.ReadStartElement();
                while (reader.MoveToContent() == XmlNodeType.Element)
                {
                    if (address is null && reader.IsStartElement(NbfsStrings.Address, NbfsStrings.AddressingNamespace))
                        address = reader.ReadElementContentAsString();
                    else
                        reader.Skip();
                }
                reader.ReadEndElement();
            }
            return address ?? throw new ProtocolException("The a:ReplyTo header has no a:Address.");
        }
    }
}
