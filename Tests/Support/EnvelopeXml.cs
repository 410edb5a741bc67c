using System.Text;
using System.Xml;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.Tests.Support;

/// <summary>
/// Renders envelopes as XML text in the form the capture files use: prefixes s and a declared on the envelope,
/// attributes in document order, no self-closing elements, text escaped with &amp;amp; &amp;lt; &amp;gt;.
/// </summary>
public static class EnvelopeXml
{
    private const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    private const string Addressing = "http://www.w3.org/2005/08/addressing";

    /// <summary>A received (or built) message: its addressing headers in WCF's order, then its body. Takes the body.</summary>
    public static string Render(Message message)
    {
        var xml = new StringBuilder();
        xml.Append($"<s:Envelope xmlns:s=\"{Soap12}\" xmlns:a=\"{Addressing}\"><s:Header>");
        xml.Append($"<a:Action s:mustUnderstand=\"1\">{EscapeText(message.Action)}</a:Action>");
        if (message.MessageId is { } messageId)
            xml.Append($"<a:MessageID>{EscapeText(messageId.ToString())}</a:MessageID>");
        if (message.RelatesTo is { } relatesTo)
            xml.Append($"<a:RelatesTo>{EscapeText(relatesTo.ToString())}</a:RelatesTo>");
        if (message.ReplyTo is { } replyTo)
            xml.Append($"<a:ReplyTo><a:Address>{EscapeText(replyTo)}</a:Address></a:ReplyTo>");
        if (message.To is { } to)
            xml.Append($"<a:To s:mustUnderstand=\"1\">{EscapeText(to)}</a:To>");
        xml.Append("</s:Header><s:Body>");
        AppendContent(message.Body.GetReader(), xml);
        xml.Append("</s:Body></s:Envelope>");
        return xml.ToString();
    }

    /// <summary>A whole document as the reader decodes it, e.g. a raw binary envelope.</summary>
    public static string RenderDocument(XmlReader reader)
    {
        var xml = new StringBuilder();
        reader.MoveToContent();
        AppendContent(reader, xml);
        return xml.ToString();
    }

    /// <summary>Appends the node the reader is on and its following siblings, up to the end of their parent.</summary>
    public static void AppendContent(XmlReader reader, StringBuilder xml)
    {
        if (reader.NodeType == XmlNodeType.EndElement)
            return; // positioned on the parent's end: there is no content
        var depth = reader.Depth;
        while (!reader.EOF && reader.Depth >= depth)
        {
            AppendNode(reader, xml);
            reader.Read();
        }
    }

    private static void AppendNode(XmlReader reader, StringBuilder xml)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Element:
                var name = reader.Name;
                xml.Append('<').Append(name);
                if (reader.MoveToFirstAttribute())
                {
                    do
                        xml.Append(' ').Append(reader.Name).Append("=\"").Append(EscapeAttribute(reader.Value)).Append('"');
                    while (reader.MoveToNextAttribute());
                    reader.MoveToElement();
                }
                xml.Append('>');
                if (reader.IsEmptyElement)
                    xml.Append("</").Append(name).Append('>');
                break;
            case XmlNodeType.EndElement:
                xml.Append("</").Append(reader.Name).Append('>');
                break;
            case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                xml.Append(EscapeText(reader.Value));
                break;
        }
    }

    private static string EscapeText(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string EscapeAttribute(string text) => EscapeText(text).Replace("\"", "&quot;");
}
