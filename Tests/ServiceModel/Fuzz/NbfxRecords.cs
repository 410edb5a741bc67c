using Ikosa.ServiceModel.Framing;

namespace Ikosa.Tests.ServiceModel.Fuzz;

/// <summary>One [MC-NBFX] record of a binary XML document: where it is, and where its dictionary ID is when it has one.</summary>
/// <param name="IsAttribute">An attribute record whose value follows as the next (text) record.</param>
public sealed record NbfxRecord(int Offset, int Length, byte Type, int DictionaryIdOffset, int DictionaryIdLength, bool IsAttribute)
{
    public bool HasDictionaryId => DictionaryIdLength > 0;

    public bool IsElement => Type is >= 0x40 and <= 0x77;

    public bool IsText => Type is >= 0x80 and <= 0xBD;

    public bool IsEndElement => Type == 0x01;

    /// <summary>A text record that also closes its element (odd text types).</summary>
    public bool IsTextWithEndElement => IsText && (Type & 1) == 1;

    /// <summary>The dictionary ID of a dictionary element, attribute, xmlns or text record.</summary>
    public int DictionaryId(byte[] xml) =>
        MultiByteInt31.TryRead(xml.AsSpan(DictionaryIdOffset, DictionaryIdLength), out var id, out _) ? id : -1;
}

/// <summary>
/// Splits a binary XML document into its records, so the fuzzer can aim at real record boundaries and dictionary IDs
/// rather than at random bytes. Only the record kinds WCF's binary encoder writes are needed (no arrays).
/// </summary>
public static class NbfxRecords
{
    public static List<NbfxRecord> Parse(byte[] xml)
    {
        var records = new List<NbfxRecord>();
        var position = 0;
        while (position < xml.Length)
        {
            var record = ReadRecord(xml, position);
            records.Add(record);
            position += record.Length;
        }
        return records;
    }

    private static NbfxRecord ReadRecord(byte[] xml, int start)
    {
        var type = xml[start];
        var cursor = new Cursor(xml, start + 1);
        var idOffset = 0;
        var idLength = 0;
        void DictionaryId()
        {
            idOffset = cursor.Position;
            cursor.VarInt();
            idLength = cursor.Position - idOffset;
        }

        var isAttribute = false;
        switch (type)
        {
            case 0x01:
                break;
            case 0x02 or 0x04 or 0x08 or 0x40 or (>= 0x26 and <= 0x3F) or (>= 0x5E and <= 0x77):
                cursor.String();
                isAttribute = type is 0x04 or (>= 0x26 and <= 0x3F);
                break;
            case 0x05 or 0x09 or 0x41:
                cursor.String();
                cursor.String();
                isAttribute = type == 0x05;
                break;
            case 0x06 or 0x0A or 0x42 or (>= 0x0C and <= 0x25) or (>= 0x44 and <= 0x5D):
                DictionaryId();
                isAttribute = type is 0x06 or (>= 0x0C and <= 0x25);
                break;
            case 0x07 or 0x0B or 0x43:
                cursor.String();
                DictionaryId();
                isAttribute = type == 0x07;
                break;
            case >= 0x80 and <= 0xBD:
                ReadText((byte)(type & 0xFE), cursor, DictionaryId);
                break;
            default:
                throw new FormatException($"Record type 0x{type:X2} at {start} is not one the fuzzer's walker knows.");
        }
        return new NbfxRecord(start, cursor.Position - start, type, idOffset, idLength, isAttribute);
    }

    private static void ReadText(byte type, Cursor cursor, Action dictionaryId)
    {
        switch (type)
        {
            case 0x80 or 0x82 or 0x84 or 0x86 or 0xA4 or 0xA6 or 0xA8:
                break;
            case 0x88 or 0xB4:
                cursor.Skip(1);
                break;
            case 0x8A:
                cursor.Skip(2);
                break;
            case 0x8C or 0x90:
                cursor.Skip(4);
                break;
            case 0x8E or 0x92 or 0x96 or 0xAE or 0xB2:
                cursor.Skip(8);
                break;
            case 0x94 or 0xAC or 0xB0:
                cursor.Skip(16);
                break;
            case 0x98 or 0x9E or 0xB6:
                cursor.Skip(cursor.FixedLength(1));
                break;
            case 0x9A or 0xA0 or 0xB8:
                cursor.Skip(cursor.FixedLength(2));
                break;
            case 0x9C or 0xA2 or 0xBA:
                cursor.Skip(cursor.FixedLength(4));
                break;
            case 0xAA:
                dictionaryId();
                break;
            case 0xBC:
                cursor.Skip(1);
                dictionaryId();
                break;
            default:
                throw new FormatException($"Text record type 0x{type:X2} is not one the fuzzer's walker knows.");
        }
    }

    private sealed class Cursor(byte[] bytes, int position)
    {
        public int Position { get; private set; } = position;

        public void Skip(int count)
        {
            if (count < 0 || Position + count > bytes.Length)
                throw new FormatException("A record runs past the end of the document.");
            Position += count;
        }

        public void VarInt()
        {
            if (!MultiByteInt31.TryRead(bytes.AsSpan(Position), out _, out var length))
                throw new FormatException("A size field runs past the end of the document.");
            Position += length;
        }

        public void String()
        {
            if (!MultiByteInt31.TryRead(bytes.AsSpan(Position), out var length, out var fieldLength))
                throw new FormatException("A string's size field runs past the end of the document.");
            Position += fieldLength;
            Skip(length);
        }

        public int FixedLength(int size)
        {
            Skip(size);
            var value = 0;
            for (var i = size - 1; i >= 0; i--)
                value = (value << 8) | bytes[Position - size + i];
            return value;
        }
    }
}
