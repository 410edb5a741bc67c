using System.Text;
using System.Xml;
using System.Xml.Linq;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.Tests.ServiceModel.Contracts;

/// <summary>Renders message bodies as text XML and compares them with captured bodies, ignoring only where namespaces are declared.</summary>
internal static class BodyXml
{
    /// <summary>The body's first element, written inside an envelope that binds <c>s</c> and <c>a</c> as WCF's does.</summary>
    public static XElement Render(Message message)
    {
        var buffer = new MemoryStream();
        using (var writer = XmlDictionaryWriter.CreateTextWriter(buffer, Encoding.UTF8, ownsStream: false))
        {
            writer.WriteStartElement("s", "Envelope", CapturedSession.Soap.NamespaceName);
            writer.WriteXmlnsAttribute("a", CapturedSession.Addressing.NamespaceName);
            writer.WriteStartElement("s", "Body", CapturedSession.Soap.NamespaceName);
            message.Body.WriteTo(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        return CapturedSession.BodyContent(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Asserts equal element names, namespaces, attributes and text; namespace declarations themselves may differ.</summary>
    public static void AssertEquivalent(XElement expected, XElement actual)
    {
        var normalizedExpected = Normalize(expected);
        var normalizedActual = Normalize(actual);
        Assert.True(XNode.DeepEquals(normalizedExpected, normalizedActual),
            $"Body XML differs.{Environment.NewLine}expected: {normalizedExpected}{Environment.NewLine}actual:   {normalizedActual}");
    }

    private static XElement Normalize(XElement element)
    {
        var copy = new XElement(element);
        foreach (var each in copy.DescendantsAndSelf())
        {
            each.Attributes().Where(attribute => attribute.IsNamespaceDeclaration).Remove();
            if (!each.HasElements && each.Value.Length == 0)
                each.RemoveNodes();
        }
        return copy;
    }

    /// <summary>A received message whose body is the text of a captured envelope.</summary>
    public static Message ReceivedMessage(string envelopeText)
    {
        var envelope = XElement.Parse(envelopeText);
        var action = envelope.Element(CapturedSession.Soap + "Header")!.Element(CapturedSession.Addressing + "Action")!.Value;
        return new Message(action, new CapturedBody(envelopeText));
    }

    private sealed class CapturedBody(string envelopeText) : MessageBody
    {
        public override bool IsFault => CapturedSession.BodyContent(envelopeText).Name == CapturedSession.Soap + "Fault";

        public override void WriteTo(XmlDictionaryWriter writer) => throw new NotSupportedException("A received body is only read.");

        public override XmlDictionaryReader GetReader()
        {
            var reader = XmlDictionaryReader.CreateTextReader(Encoding.UTF8.GetBytes(envelopeText), XmlDictionaryReaderQuotas.Max);
            reader.ReadToFollowing("Body", CapturedSession.Soap.NamespaceName);
            reader.ReadStartElement();
            reader.MoveToContent();
            return reader;
        }
    }
}
