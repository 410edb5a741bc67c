using System.Buffers;
using System.Text;

namespace Ikosa.ServiceModel.Framing;

/// <summary>
/// Decodes [MC-NMF] records one at a time from the front of a buffer, enforcing <see cref="FramingLimits"/>.
/// Limits are checked as soon as a size field is read, so an oversized record is refused before its bytes arrive.
/// </summary>
/// <remarks>
/// Policy left to the caller: the Mode record reports any defined mode (1–4) in <see cref="FramingRecord.Value"/>
/// and the caller answers UnsupportedMode to modes it does not serve; a KnownEncoding record reports its byte
/// and the caller checks it with <see cref="ContentTypes.IsBinarySession"/>. Everything else is refused here:
/// a version other than 1.0 (UnsupportedVersion), an undefined mode (UnsupportedMode), an oversized Via
/// (ViaTooLong), content type (ContentTypeTooLong), upgrade name (UpgradeInvalid) or envelope
/// (MaxMessageSizeExceeded); an empty envelope, an unsized envelope (streamed mode is not supported), an
/// oversized fault string, invalid UTF-8, an unknown record type or a bad size field throw with no fault.
/// </remarks>
public static class FramingRecordReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads one whole record. False when the buffer holds only part of it (the buffer is then unchanged);
    /// true when a record was read (the buffer then starts after it).
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, FramingLimits limits, out FramingRecord record)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryRead(out var typeByte) || !TryReadBody(ref reader, (FramingRecordType)typeByte, limits, out record))
        {
            record = default;
            return false;
        }
        buffer = buffer.Slice(reader.Position);
        return true;
    }

    private static bool TryReadBody(ref SequenceReader<byte> reader, FramingRecordType type, FramingLimits limits, out FramingRecord record)
    {
        record = default;
        switch (type)
        {
            case FramingRecordType.Version:
                if (!reader.TryRead(out var major) || !reader.TryRead(out var minor))
                    return false;
                if (major != 1 || minor != 0)
                    throw new FramingException($"Framing version {major}.{minor} is not supported; only 1.0 is.", FramingFault.UnsupportedVersion);
                record = new FramingRecord(type, major, minor, null, ReadOnlySequence<byte>.Empty);
                return true;

            case FramingRecordType.Mode:
                if (!reader.TryRead(out var mode))
                    return false;
                if (!Enum.IsDefined((FramingMode)mode))
                    throw new FramingException($"Framing mode 0x{mode:X2} does not exist.", FramingFault.UnsupportedMode);
                record = new FramingRecord(type, mode, 0, null, ReadOnlySequence<byte>.Empty);
                return true;

            case FramingRecordType.KnownEncoding:
                if (!reader.TryRead(out var encoding))
                    return false;
                record = new FramingRecord(type, encoding, 0, null, ReadOnlySequence<byte>.Empty);
                return true;

            case FramingRecordType.Via:
                return TryReadText(ref reader, type, limits.MaxViaSize, FramingFault.ViaTooLong, invalidFault: null, out record);

            case FramingRecordType.ExtensibleEncoding:
                return TryReadText(ref reader, type, limits.MaxContentTypeSize, FramingFault.ContentTypeTooLong, FramingFault.ContentTypeInvalid, out record);

            case FramingRecordType.Fault:
                return TryReadText(ref reader, type, limits.MaxFaultSize, tooLongFault: null, invalidFault: null, out record);

            case FramingRecordType.UpgradeRequest:
                return TryReadText(ref reader, type, limits.MaxUpgradeSize, FramingFault.UpgradeInvalid, FramingFault.UpgradeInvalid, out record);

            case FramingRecordType.SizedEnvelope:
                return TryReadSizedEnvelope(ref reader, limits, out record);

            case FramingRecordType.UnsizedEnvelope:
                throw new FramingException("Unsized envelopes (streamed transfer mode) are not supported.");

            case FramingRecordType.End:
            case FramingRecordType.UpgradeResponse:
            case FramingRecordType.PreambleAck:
            case FramingRecordType.PreambleEnd:
                record = FramingRecord.Simple(type);
                return true;

            default:
                throw new FramingException($"0x{(byte)type:X2} is not a framing record type.");
        }
    }

    private static bool TryReadSizedEnvelope(ref SequenceReader<byte> reader, FramingLimits limits, out FramingRecord record)
    {
        record = default;
        if (!MultiByteInt31.TryRead(ref reader, out var size))
            return false;
        if (size == 0)
            throw new FramingException("A sized envelope of 0 bytes is not allowed.");
        if (size > limits.MaxReceivedMessageSize)
            throw new FramingException(
                $"An envelope of {size} bytes exceeds the maximum received message size of {limits.MaxReceivedMessageSize} bytes.",
                FramingFault.MaxMessageSizeExceeded);
        if (reader.Remaining < size)
            return false;
        var payload = reader.UnreadSequence.Slice(0, size);
        reader.Advance(size);
        record = new FramingRecord(FramingRecordType.SizedEnvelope, size, 0, null, payload);
        return true;
    }

    private static bool TryReadText(ref SequenceReader<byte> reader, FramingRecordType type, int maxSize,
        FramingFault? tooLongFault, FramingFault? invalidFault, out FramingRecord record)
    {
        record = default;
        if (!MultiByteInt31.TryRead(ref reader, out var length))
            return false;
        if (length > maxSize)
            throw new FramingException($"The {type} record is {length} bytes long; at most {maxSize} are allowed.", tooLongFault);
        if (reader.Remaining < length)
            return false;

        string text;
        try
        {
            text = StrictUtf8.GetString(reader.UnreadSequence.Slice(0, length));
        }
        catch (DecoderFallbackException)
        {
            throw new FramingException($"The {type} record is not valid UTF-8.", invalidFault);
        }
        reader.Advance(length);
        record = new FramingRecord(type, 0, 0, text, ReadOnlySequence<byte>.Empty);
        return true;
    }
}
