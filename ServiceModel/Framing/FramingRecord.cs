using System.Buffers;

namespace Ikosa.ServiceModel.Framing;

/// <summary>
/// One decoded framing record. Version: <see cref="Value"/> = major, <see cref="Minor"/> = minor.
/// Mode, KnownEncoding: <see cref="Value"/>. Via, ExtensibleEncoding, Fault, UpgradeRequest: <see cref="Text"/>.
/// SizedEnvelope: <see cref="Payload"/>, a slice of the decoder's input, valid only until that input is released.
/// </summary>
public readonly record struct FramingRecord(FramingRecordType Type, int Value, int Minor, string? Text, ReadOnlySequence<byte> Payload)
{
    public static FramingRecord Simple(FramingRecordType type) => new(type, 0, 0, null, ReadOnlySequence<byte>.Empty);
}
