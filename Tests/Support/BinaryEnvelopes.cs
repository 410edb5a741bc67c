using System.Xml;
using Ikosa.ServiceModel.Encoding;

namespace Ikosa.Tests.Support;

/// <summary>Hand-written binary envelopes (with an empty string table) for cases our own writer never produces.</summary>
public static class BinaryEnvelopes
{
    /// <summary>A payload: table <c>00</c>, then whatever <paramref name="write"/> writes with the static dictionary.</summary>
    public static byte[] Payload(Action<XmlDictionaryWriter> write)
    {
        var buffer = new MemoryStream();
        buffer.WriteByte(0x00);
        using (var writer = XmlDictionaryWriter.CreateBinaryWriter(buffer, NbfsStaticDictionary.Dictionary, session: null, ownsStream: false))
            write(writer);
        return buffer.ToArray();
    }

    /// <summary>A SOAP 1.2 envelope with the given header blocks (each written by a delegate) and an empty body.</summary>
    public static byte[] WithHeaders(params Action<XmlDictionaryWriter>[] headers) => Payload(w =>
    {
        w.WriteStartElement("s", NbfsStrings.Envelope, NbfsStrings.Soap12Namespace);
        w.WriteXmlnsAttribute("a", NbfsStrings.AddressingNamespace);
        w.WriteStartElement("s", NbfsStrings.Header, NbfsStrings.Soap12Namespace);
        foreach (var header in headers)
            header(w);
        w.WriteEndElement();
        w.WriteStartElement("s", NbfsStrings.Body, NbfsStrings.Soap12Namespace);
        w.WriteEndElement();
        w.WriteEndElement();
    });

    public static Action<XmlDictionaryWriter> Header(string prefix, string name, string ns, string value, string? mustUnderstand = null) => w =>
    {
        w.WriteStartElement(prefix, name, ns);
        if (mustUnderstand is not null)
            w.WriteAttributeString("s", "mustUnderstand", NbfsStrings.Soap12Namespace.Value, mustUnderstand);
        w.WriteString(value);
        w.WriteEndElement();
    };

    public static Action<XmlDictionaryWriter> Action(string value) => Header("a", "Action", NbfsStrings.AddressingNamespace.Value, value, "1");
}
