using System.Buffers;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Framing;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// Encodes the messages one direction of one session sends ([MC-NBFSE]): each payload is the table of session
/// strings new in that message, then the binary XML envelope. Holds that direction's dictionary session, so use
/// one instance per session per direction, from one thread at a time, and a new one when a session starts.
/// </summary>
public sealed class BinarySessionWriter
{
    private readonly QuotaWriterSession _session;

    public BinarySessionWriter(int maxSessionSize = 2048)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSessionSize);
        _session = new QuotaWriterSession(maxSessionSize);
    }

    /// <summary>Writes one sized-envelope payload (string table + envelope) to <paramref name="output"/>.</summary>
    public void WriteMessage(Message message, IBufferWriter<byte> output) => Write(message, output, sized: false);

    /// <summary>Writes the whole SizedEnvelope record: <c>06</c>, the payload size, then the payload.</summary>
    public void WriteSizedEnvelope(Message message, IBufferWriter<byte> output) => Write(message, output, sized: true);

    // The new strings become part of the session only once the message's bytes are in the output; a message that
    // fails to encode or to be written leaves the session as it was.
    private void Write(Message message, IBufferWriter<byte> output, bool sized)
    {
        ArgumentNullException.ThrowIfNull(message);
        var encoder = EnvelopeEncoder.Rent();
        try
        {
            encoder.Encode(message, _session);
            var envelope = encoder.Envelope;
            if (sized)
                FramingRecordWriter.WriteSizedEnvelopeHeader(output, SessionStringTable.GetSize(_session.Pending) + envelope.Length);
            SessionStringTable.Write(output, _session.Pending);
            output.Write(envelope);
        }
        catch
        {
            _session.Rollback();
            throw;
        }
        finally
        {
            EnvelopeEncoder.Return(encoder);
        }
        _session.Commit();
    }
}
