using System.Runtime.Serialization;
using System.Xml;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>
/// Reads a SOAP 1.2 <c>s:Fault</c> element. The detail is deserialized with the first candidate serializer whose
/// root element matches it; an unknown detail is skipped. Throws XmlException/SerializationException when malformed.
/// </summary>
internal static class FaultReader
{
    private const string Soap = FaultNames.Soap12Namespace;

    public static ReceivedFault Read(XmlDictionaryReader reader, IEnumerable<(Type Type, DataContractSerializer Serializer)> detailCandidates)
    {
        reader.MoveToContent();
        if (!reader.IsStartElement("Fault", Soap))
            throw new XmlException($"Expecting a SOAP 1.2 Fault element, found '{reader.LocalName}' from namespace '{reader.NamespaceURI}'.");
        reader.ReadStartElement();

        reader.MoveToContent();
        reader.ReadStartElement("Code", Soap);
        var code = ReadCode(reader);
        reader.ReadEndElement();

        reader.MoveToContent();
        var reason = ReadReason(reader);

        Type? detailType = null;
        object? detail = null;
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            if (reader.IsStartElement("Detail", Soap) && !reader.IsEmptyElement)
            {
                reader.ReadStartElement();
                (detailType, detail) = ReadDetail(reader, detailCandidates);
                reader.ReadEndElement();
            }
            else
                reader.Skip(); // s:Node, s:Role, an empty s:Detail
        }
        return new ReceivedFault(code, reason, detailType, detail);
    }

    /// <summary>Reads <c>s:Value</c> and an optional <c>s:Subcode</c>, recursively.</summary>
    private static FaultCode ReadCode(XmlDictionaryReader reader)
    {
        reader.MoveToContent();
        reader.ReadStartElement("Value", Soap);
        var text = reader.ReadContentAsString().Trim();
        // Resolve the prefix while still inside s:Value, where it may be declared.
        var colon = text.IndexOf(':');
        var prefix = colon < 0 ? string.Empty : text[..colon];
        var name = colon < 0 ? text : text[(colon + 1)..];
        var ns = reader.LookupNamespace(prefix) ?? throw new XmlException($"The fault code '{text}' uses an undeclared prefix '{prefix}'.");
        if (name.Length == 0)
            throw new XmlException("The fault code value is empty.");
        reader.ReadEndElement();

        FaultCode? subCode = null;
        if (reader.MoveToContent() == XmlNodeType.Element && reader.IsStartElement("Subcode", Soap))
        {
            reader.ReadStartElement();
            subCode = ReadCode(reader);
            reader.ReadEndElement();
        }
        return new FaultCode(name, ns, subCode);
    }

    /// <summary>The first <c>s:Text</c> of <c>s:Reason</c>.</summary>
    private static string ReadReason(XmlDictionaryReader reader)
    {
        reader.ReadStartElement("Reason", Soap);
        string? reason = null;
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            if (reason is null && reader.IsStartElement("Text", Soap))
                reason = reader.ReadElementContentAsString();
            else
                reader.Skip();
        }
        reader.ReadEndElement();
        return reason ?? throw new XmlException("The fault's Reason has no Text.");
    }

    private static (Type?, object?) ReadDetail(XmlDictionaryReader reader, IEnumerable<(Type Type, DataContractSerializer Serializer)> candidates)
    {
        (Type?, object?) found = (null, null);
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            var match = found.Item1 is null ? candidates.FirstOrDefault(candidate => candidate.Serializer.IsStartObject(reader)) : default;
            if (match.Type is not null)
                found = (match.Type, match.Serializer.ReadObject(reader, verifyObjectName: false));
            else
                reader.Skip();
        }
        return found;
    }
}
