using System.Xml;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>What <see cref="EnvelopeReader"/> found in <c>s:Header</c>.</summary>
internal sealed record EnvelopeHeaders(
    string Action,
    UniqueId? MessageId,
    UniqueId? RelatesTo,
    string? ReplyTo,
    string? To,
    IReadOnlyList<MessageHeaderInfo> OtherHeaders);
