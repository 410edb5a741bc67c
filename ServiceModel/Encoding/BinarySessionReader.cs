using System.Xml;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// Decodes the messages one direction of one session receives ([MC-NBFSE]): the string table in front of each
/// payload feeds this direction's dictionary session, then the envelope is read into a <see cref="Message"/>.
/// One instance per session per direction, used by one thread at a time; a new one when a session starts.
/// </summary>
/// <remarks>
/// A table that breaks the MaxSessionSize quota (<see cref="QuotaExceededException"/>) or is malformed
/// (<see cref="ProtocolException"/>) leaves this reader out of step with the peer, so it refuses every later
/// message: the session must be faulted. A malformed envelope after a good table throws ProtocolException too,
/// but the dictionary stays in step (the caller may still choose to fault the session, as WCF does).
/// </remarks>
public sealed class BinarySessionReader
{
    private readonly XmlBinaryReaderSession _session = new();
    private readonly int _maxSessionSize;
    private readonly XmlDictionaryReaderQuotas _quotas;
    private int _sessionBytes;
    private int _sessionCount;
    private Exception? _fault;

    /// <param name="maxSessionSize">The peer's string budget; must equal the peer writer's MaxSessionSize.</param>
    /// <param name="quotas">Reader quotas for the envelope; WCF's defaults when null.</param>
    public BinarySessionReader(int maxSessionSize = 2048, XmlDictionaryReaderQuotas? quotas = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSessionSize);
        _maxSessionSize = maxSessionSize;
        _quotas = quotas ?? new XmlDictionaryReaderQuotas();
    }

    /// <summary>
    /// Decodes one sized-envelope payload. The body is read later through <c>message.Body.GetReader()</c>, from
    /// <paramref name="buffer"/> (or from a copy of the envelope without its headers, when they were read straight from
    /// the bytes), which must therefore stay unchanged until the body has been read.
    /// </summary>
    public Message ReadMessage(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - offset);
        if (_fault is not null)
            throw new ProtocolException("An earlier message broke this session's string table; the session must be faulted.", _fault);

        var tableSize = ReadStringTable(buffer.AsSpan(offset, count));
        try
        {
            // Two passes: the first checks the whole envelope now, so the body reader handed out later meets no surprises
            // (a malformed body must fault the session, not go unnoticed past what its reader happens to read).
            var envelope = new ArraySegment<byte>(buffer, offset + tableSize, count - tableSize);
            EnvelopeHeaders headers;
            if (HeaderBlockScanner.TryRead(envelope, _session, _quotas, out var scanned, out var prologLength, out var bodyOffset))
            {
                // The headers are read; the XML reader gets the envelope without them, so it walks the body alone.
                headers = scanned!;
                envelope = WithoutHeaders(envelope, prologLength, bodyOffset);
                Check(envelope, headersRead: true);
            }
            else
                headers = Check(envelope, headersRead: false)!;

            var bodyReader = BinaryReaderCache.Rent(envelope.Array!, envelope.Offset, envelope.Count, _quotas, _session);
            var isFault = EnvelopeReader.MoveToBodyContent(bodyReader);
            // Whoever reads the body may hand the reader back (ReceivedMessageBody.Recycle) for the next message.
            return CreateMessage(headers, new ReceivedMessageBody(bodyReader, isFault, BinaryReaderCache.Return));
        }
        catch (Exception e) when (e is not CommunicationException)
        {
            // XmlException (bad records, unknown dictionary IDs, reader quotas), FormatException and the like.
            throw new ProtocolException($"The message's binary XML is malformed: {e.Message}", e);
        }
    }

    private int ReadStringTable(ReadOnlySpan<byte> payload)
    {
        try
        {
            var strings = SessionStringTable.Read(payload, _maxSessionSize - _sessionBytes, out var tableSize, out var charge);
            foreach (var value in strings)
                _session.Add(_sessionCount++, value);
            _sessionBytes += charge;
            return tableSize;
        }
        catch (CommunicationException e)
        {
            _fault = e;
            throw;
        }
    }

    /// <summary>The first pass: walks the whole envelope, reading its headers too unless the shortcut has read them.</summary>
    private EnvelopeHeaders? Check(ArraySegment<byte> envelope, bool headersRead)
    {
        var reader = BinaryReaderCache.Rent(envelope.Array!, envelope.Offset, envelope.Count, _quotas, _session);
        try
        {
            if (!headersRead)
                return EnvelopeReader.ReadHeadersAndCheckBody(reader);
            EnvelopeReader.CheckHeaderlessBody(reader);
            return null;
        }
        finally
        {
            BinaryReaderCache.Return(reader);
        }
    }

    /// <summary>The envelope's start record (with its namespace declarations) followed by its body: the same document minus s:Header.</summary>
    private static ArraySegment<byte> WithoutHeaders(ReadOnlySpan<byte> envelope, int prologLength, int bodyOffset)
    {
        var copy = new byte[prologLength + envelope.Length - bodyOffset];
        envelope[..prologLength].CopyTo(copy);
        envelope[bodyOffset..].CopyTo(copy.AsSpan(prologLength));
        return copy;
    }

    private static Message CreateMessage(EnvelopeHeaders headers, MessageBody body)
    {
        var message = new Message(headers.Action, body)
        {
            MessageId = headers.MessageId,
            RelatesTo = headers.RelatesTo,
            ReplyTo = headers.ReplyTo,
            To = headers.To,
        };
        message.OtherHeaders.AddRange(headers.OtherHeaders);
        return message;
    }
}
