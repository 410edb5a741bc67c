using System.Xml;

namespace Ikosa.ServiceModel.Channels;

/// <summary>
/// A SOAP 1.2 + WS-Addressing 1.0 message as the runtime sees it: the addressing headers it understands,
/// any other headers by name, and a body. The encoder turns it into bytes and back; the formatter fills
/// and reads the body; the channel layer sets the addressing.
/// </summary>
public sealed class Message
{
    public Message(string action, MessageBody body)
    {
        Action = action;
        Body = body;
    }

    public string Action { get; set; }

    /// <summary>Present on two-way requests only (one-way messages carry none).</summary>
    public UniqueId? MessageId { get; set; }

    /// <summary>On replies and faults: the MessageID of the request answered.</summary>
    public UniqueId? RelatesTo { get; set; }

    /// <summary>The ReplyTo address, or null when absent.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>The To header (sent with mustUnderstand), or null when absent.</summary>
    public string? To { get; set; }

    /// <summary>Headers other than the addressing ones above, as received.</summary>
    public List<MessageHeaderInfo> OtherHeaders { get; } = new();

    public MessageBody Body { get; }

    /// <summary>True when the body's first element is a SOAP 1.2 <c>Fault</c>.</summary>
    public bool IsFault => Body.IsFault;

    public override string ToString() => $"Message {Action} (MessageID {MessageId}, RelatesTo {RelatesTo})";
}

/// <summary>A header the runtime does not process itself, kept so mustUnderstand can be checked.</summary>
public sealed record MessageHeaderInfo(string Name, string Namespace, bool MustUnderstand);
