using System.Xml;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// The body of a decoded message: a binary reader over the received payload, positioned on the body's first
/// element (or on the end of <c>s:Body</c> when it is empty). It can be taken once; whoever took it may hand it
/// back with <see cref="Recycle"/> once done, so the session's next message reuses it.
/// </summary>
internal sealed class ReceivedMessageBody(XmlDictionaryReader reader, bool isFault, Action<XmlDictionaryReader>? recycle = null) : MessageBody
{
    private XmlDictionaryReader? _reader = reader;
    private XmlDictionaryReader? _taken;

    public override bool IsFault => isFault;

    public override XmlDictionaryReader GetReader() =>
        _taken = Interlocked.Exchange(ref _reader, null)
        ?? throw new InvalidOperationException("The body of a received message can be read only once.");

    /// <summary>The reader taken from this body is no longer used by its taker: the decoder may reuse it.</summary>
    public void Recycle()
    {
        if (Interlocked.Exchange(ref _taken, null) is { } taken)
            recycle?.Invoke(taken);
    }

    /// <summary>Copies the body's content (used when a received message is forwarded or re-encoded).</summary>
    public override void WriteTo(XmlDictionaryWriter writer)
    {
        var source = GetReader();
        while (source.NodeType is not (XmlNodeType.EndElement or XmlNodeType.None))
            writer.WriteNode(source, defattr: true);
    }
}
