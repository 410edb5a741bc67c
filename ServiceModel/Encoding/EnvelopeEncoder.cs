using System.Xml;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// A binary XML writer and the buffer it writes an envelope into, kept per thread for reuse: both cost kilobytes,
/// which every idle session would otherwise hold. The session's dictionary is given per envelope, so one encoder
/// serves every session.
/// </summary>
internal sealed class EnvelopeEncoder
{
    // A buffer that grew past this for one big message is dropped afterwards rather than kept.
    private const int RetainedBufferLimit = 1 << 20;

    [ThreadStatic]
    private static EnvelopeEncoder? t_cached;

    private readonly MemoryStream _envelope = new();
    private readonly XmlDictionaryWriter _writer = XmlDictionaryWriter.CreateBinaryWriter(Stream.Null, NbfsStaticDictionary.Dictionary, session: null, ownsStream: false);

    public static EnvelopeEncoder Rent()
    {
        var cached = t_cached;
        t_cached = null;
        return cached ?? new EnvelopeEncoder();
    }

    public static void Return(EnvelopeEncoder encoder)
    {
        // Forget the session, so a cached encoder does not keep its dictionary alive.
        ((IXmlBinaryWriterInitializer)encoder._writer).SetOutput(Stream.Null, NbfsStaticDictionary.Dictionary, session: null, ownsStream: false);
        if (encoder._envelope.Capacity <= RetainedBufferLimit)
            t_cached = encoder;
    }

    /// <summary>The encoded envelope, valid until the encoder is used again or returned.</summary>
    public ReadOnlySpan<byte> Envelope => _envelope.GetBuffer().AsSpan(0, (int)_envelope.Length);

    /// <summary>Encodes <paramref name="message"/>; the strings it adds to <paramref name="session"/> are left pending.</summary>
    public void Encode(Message message, XmlBinaryWriterSession session)
    {
        _envelope.SetLength(0);
        ((IXmlBinaryWriterInitializer)_writer).SetOutput(_envelope, NbfsStaticDictionary.Dictionary, session, ownsStream: false);
        EnvelopeWriter.Write(_writer, message);
        _writer.Flush();
    }
}
