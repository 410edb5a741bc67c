using System.Buffers;
using System.Xml;
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
    // A buffer that grew past this for one big message is dropped afterwards rather than kept for the session.
    private const int RetainedBufferLimit = 1 << 20;

    private readonly QuotaWriterSession _session;
    private MemoryStream _envelope = new();
    private readonly XmlDictionaryWriter _writer;

    public BinarySessionWriter(int maxSessionSize = 2048)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSessionSize);
        _session = new QuotaWriterSession(maxSessionSize);
        _writer = XmlDictionaryWriter.CreateBinaryWriter(Stream.Null, NbfsStaticDictionary.Dictionary, _session, ownsStream: false);
    }

    /// <summary>Writes one sized-envelope payload (string table + envelope) to <paramref name="output"/>.</summary>
    public void WriteMessage(Message message, IBufferWriter<byte> output)
    {
        EncodeEnvelope(message);
        Send(() =>
        {
            SessionStringTable.Write(output, _session.Pending);
            output.Write(EncodedEnvelope);
        });
    }

    /// <summary>Writes the whole SizedEnvelope record: <c>06</c>, the payload size, then the payload.</summary>
    public void WriteSizedEnvelope(Message message, IBufferWriter<byte> output)
    {
        EncodeEnvelope(message);
        Send(() =>
        {
            FramingRecordWriter.WriteSizedEnvelopeHeader(output, SessionStringTable.GetSize(_session.Pending) + EncodedEnvelope.Length);
            SessionStringTable.Write(output, _session.Pending);
            output.Write(EncodedEnvelope);
        });
    }

    private ReadOnlySpan<byte> EncodedEnvelope => _envelope.GetBuffer().AsSpan(0, (int)_envelope.Length);

    // Encodes the envelope into _envelope; the strings it adds to the session stay pending until the bytes are out.
    private void EncodeEnvelope(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _envelope.SetLength(0);
        try
        {
            ((IXmlBinaryWriterInitializer)_writer).SetOutput(_envelope, NbfsStaticDictionary.Dictionary, _session, ownsStream: false);
            EnvelopeWriter.Write(_writer, message);
            _writer.Flush();
        }
        catch
        {
            _session.Rollback();
            throw;
        }
    }

    // The new strings become part of the session only once the message's bytes are in the output.
    private void Send(Action writeOutput)
    {
        try
        {
            writeOutput();
        }
        catch
        {
            _session.Rollback();
            throw;
        }
        finally
        {
            ReleaseLargeBuffer();
        }
        _session.Commit();
    }

    private void ReleaseLargeBuffer()
    {
        if (_envelope.Capacity > RetainedBufferLimit)
            _envelope = new MemoryStream();
    }
}
