using System.Buffers;
using System.Text;

namespace Ikosa.ServiceModel.Framing;

/// <summary>Encodes the [MC-NMF] records a duplex session sends.</summary>
public static class FramingRecordWriter
{
    /// <summary>Version 1.0, Mode Duplex, Via, KnownEncoding 0x08; the caller adds upgrades and PreambleEnd.</summary>
    public static void WritePreamble(IBufferWriter<byte> output, string via)
    {
        ReadOnlySpan<byte> versionAndMode = [(byte)FramingRecordType.Version, 1, 0, (byte)FramingRecordType.Mode, (byte)FramingMode.Duplex];
        output.Write(versionAndMode);
        WriteText(output, FramingRecordType.Via, via);
        output.Write([(byte)FramingRecordType.KnownEncoding, ContentTypes.BinarySessionKnownEncoding]);
    }

    public static void WriteUpgradeRequest(IBufferWriter<byte> output, string protocol) =>
        WriteText(output, FramingRecordType.UpgradeRequest, protocol);

    public static void WriteUpgradeResponse(IBufferWriter<byte> output) => WriteType(output, FramingRecordType.UpgradeResponse);

    public static void WritePreambleEnd(IBufferWriter<byte> output) => WriteType(output, FramingRecordType.PreambleEnd);

    public static void WritePreambleAck(IBufferWriter<byte> output) => WriteType(output, FramingRecordType.PreambleAck);

    public static void WriteEnd(IBufferWriter<byte> output) => WriteType(output, FramingRecordType.End);

    public static void WriteFault(IBufferWriter<byte> output, FramingFault fault) =>
        WriteText(output, FramingRecordType.Fault, FramingFaults.ToUri(fault));

    /// <summary><c>06</c> and the size; the caller writes the <paramref name="payloadSize"/> payload bytes next.</summary>
    public static void WriteSizedEnvelopeHeader(IBufferWriter<byte> output, int payloadSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(payloadSize);
        WriteType(output, FramingRecordType.SizedEnvelope);
        MultiByteInt31.Write(output, payloadSize);
    }

    private static void WriteType(IBufferWriter<byte> output, FramingRecordType type)
    {
        output.GetSpan(1)[0] = (byte)type;
        output.Advance(1);
    }

    private static void WriteText(IBufferWriter<byte> output, FramingRecordType type, string text)
    {
        var length = System.Text.Encoding.UTF8.GetByteCount(text);
        WriteType(output, type);
        MultiByteInt31.Write(output, length);
        var span = output.GetSpan(length);
        output.Advance(System.Text.Encoding.UTF8.GetBytes(text, span));
    }
}
