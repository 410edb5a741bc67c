using Ikosa.ServiceModel.Framing;

namespace Ikosa.Tests.ServiceModel.Fuzz;

/// <summary>
/// A SizedEnvelope record taken apart into its session string table (raw UTF-8, so invalid bytes can be planted) and
/// its binary XML, and framed again after a mutation with a size that matches (unless the mutation is the size).
/// </summary>
public sealed record SizedEnvelope(IReadOnlyList<byte[]> TableStrings, byte[] Xml)
{
    public static SizedEnvelope Parse(byte[] record)
    {
        if (record.Length < 2 || record[0] != (byte)FramingRecordType.SizedEnvelope
            || !MultiByteInt31.TryRead(record.AsSpan(1), out var size, out var sizeField) || 1 + sizeField + size != record.Length)
            throw new FormatException("Not a whole SizedEnvelope record.");
        var payload = record.AsSpan(1 + sizeField);
        MultiByteInt31.TryRead(payload, out var tableSize, out var tableField);
        var entries = payload.Slice(tableField, tableSize);
        var strings = new List<byte[]>();
        while (!entries.IsEmpty)
        {
            MultiByteInt31.TryRead(entries, out var length, out var lengthField);
            strings.Add(entries.Slice(lengthField, length).ToArray());
            entries = entries[(lengthField + length)..];
        }
        return new SizedEnvelope(strings, payload[(tableField + tableSize)..].ToArray());
    }

    public static bool IsEnvelope(byte[] record) => record.Length > 0 && record[0] == (byte)FramingRecordType.SizedEnvelope;

    public byte[] Payload()
    {
        var entries = TableStrings.SelectMany(s => VarInt(s.Length).Concat(s)).ToArray();
        return [.. VarInt(entries.Length), .. entries, .. Xml];
    }

    public byte[] ToRecord() => Frame(Payload());

    public static byte[] Frame(byte[] payload) => [(byte)FramingRecordType.SizedEnvelope, .. VarInt(payload.Length), .. payload];

    public static byte[] VarInt(int value)
    {
        var buffer = new byte[MultiByteInt31.MaxBytes];
        return buffer[..MultiByteInt31.Write(buffer, value)];
    }
}
