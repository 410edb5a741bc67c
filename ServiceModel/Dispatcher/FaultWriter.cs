using System.Xml;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>Writes a SOAP 1.2 <c>s:Fault</c> element the way WCF does (code, subcodes, reason, optional detail).</summary>
internal static class FaultWriter
{
    private const string Soap = FaultNames.Soap12Namespace;

    public static void Write(XmlDictionaryWriter writer, FaultCode code, string reason, Action<XmlDictionaryWriter>? writeDetail)
    {
        writer.WriteStartElement("s", "Fault", Soap);
        writer.WriteStartElement("s", "Code", Soap);
        WriteCode(writer, ToSoap12Code(code));
        writer.WriteEndElement();
        writer.WriteStartElement("s", "Reason", Soap);
        writer.WriteStartElement("s", "Text", Soap);
        writer.WriteAttributeString("xml", "lang", FaultNames.XmlNamespace, string.Empty);
        writer.WriteString(reason);
        writer.WriteEndElement();
        writer.WriteEndElement();
        if (writeDetail is not null)
        {
            writer.WriteStartElement("s", "Detail", Soap);
            writeDetail(writer);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    /// <summary>SOAP 1.2 wants a predefined top-level code; an application code becomes a subcode of Sender.</summary>
    private static FaultCode ToSoap12Code(FaultCode code) =>
        code.IsPredefinedFault ? code : FaultCode.CreateSenderFaultCode(code);

    private static void WriteCode(XmlDictionaryWriter writer, FaultCode code)
    {
        writer.WriteStartElement("s", "Value", Soap);
        WriteQualifiedName(writer, code.Name, code.IsPredefinedFault ? Soap : code.Namespace);
        writer.WriteEndElement();
        if (code.SubCode is { } subCode)
        {
            writer.WriteStartElement("s", "Subcode", Soap);
            WriteCode(writer, subCode);
            writer.WriteEndElement();
        }
    }

    /// <summary>Writes <c>prefix:name</c> as text, declaring the prefix <c>a</c> on the current element when needed.</summary>
    private static void WriteQualifiedName(XmlDictionaryWriter writer, string name, string ns)
    {
        if (ns.Length == 0)
        {
            writer.WriteString(name);
            return;
        }
        var prefix = writer.LookupPrefix(ns);
        if (string.IsNullOrEmpty(prefix))
        {
            prefix = "a";
            writer.WriteXmlnsAttribute(prefix, ns);
        }
        // Three text chunks, as WCF writes them (its binary form is "s" ":" "Sender").
        writer.WriteString(prefix);
        writer.WriteString(":");
        writer.WriteString(name);
    }
}
