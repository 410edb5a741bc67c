using System.Xml;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// The body of a decoded message: a binary reader over the received payload, positioned on the body's first
/// element (or on the end of <c>s:Body</c> when it is empty). It can be taken once.
/// </summary>
internal sealed class ReceivedMessageBody(XmlDictionaryReader reader, bool isFault) : MessageBody
{
    private XmlDictionaryReader? _reader = reader;

    public override bool IsFault => isFault;

    public override XmlDictionaryReader GetReader() =>
        Interlocked.Exchange(ref _reader, null)
        ?? throw new InvalidOperationException("The body of a received message can be read only once.");

    /// <summary>Copies the body's content (used when a received message is forwarded or re-encoded).</summary>
    public override void WriteTo(XmlDictionaryWriter writer)
    {
        var source = GetReader();
        while (source.NodeType is not (XmlNodeType.EndElement or XmlNodeType.None))
            writer.WriteNode(source, defattr: true);
    }
}
