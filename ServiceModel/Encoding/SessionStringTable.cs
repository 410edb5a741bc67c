using System.Buffers;
using System.Text;
using Ikosa.ServiceModel.Framing;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// The [MC-NBFSE] string table in front of every binary session message: the table's byte size, then each
/// new string as size + UTF-8. Every string is charged its size plus the size of its length field against
/// the session's MaxSessionSize, by the writer and the reader alike.
/// </summary>
internal static class SessionStringTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static int GetCharge(string value)
    {
        var length = System.Text.Encoding.UTF8.GetByteCount(value);
        return length + MultiByteInt31.GetByteCount(length);
    }

    /// <summary>The table's size on the wire: its own size field plus the entries.</summary>
    public static int GetSize(IReadOnlyList<string> strings)
    {
        var entries = GetEntriesSize(strings);
        return MultiByteInt31.GetByteCount(entries) + entries;
    }

    public static void Write(IBufferWriter<byte> output, IReadOnlyList<string> strings)
    {
        MultiByteInt31.Write(output, GetEntriesSize(strings));
        foreach (var value in strings)
        {
            var length = System.Text.Encoding.UTF8.GetByteCount(value);
            MultiByteInt31.Write(output, length);
            output.Advance(System.Text.Encoding.UTF8.GetBytes(value, output.GetSpan(length)));
        }
    }

    /// <summary>
    /// Parses a table from the front of <paramref name="message"/>. Throws <see cref="QuotaExceededException"/>
    /// when its strings cost more than <paramref name="budget"/> bytes, <see cref="ProtocolException"/> when it is malformed.
    /// </summary>
    public static List<string> Read(ReadOnlySpan<byte> message, int budget, out int tableSize, out int charge)
    {
        try
        {
            if (!MultiByteInt31.TryRead(message, out var entriesSize, out var sizeFieldLength) || entriesSize > message.Length - sizeFieldLength)
                throw new ProtocolException("The message's session string table is longer than the message.");

            var entries = message.Slice(sizeFieldLength, entriesSize);
            var strings = new List<string>();
            charge = 0;
            while (!entries.IsEmpty)
            {
                if (!MultiByteInt31.TryRead(entries, out var length, out var lengthFieldSize) || length > entries.Length - lengthFieldSize)
                    throw new ProtocolException("A string in the message's session string table runs past the end of the table.");
                charge += length + lengthFieldSize;
                if (charge > budget)
                    throw new QuotaExceededException(
                        $"The peer's session strings exceed the dictionary session quota (MaxSessionSize); only {budget} more bytes were allowed. " +
                        "The session cannot continue.");
                strings.Add(StrictUtf8.GetString(entries.Slice(lengthFieldSize, length)));
                entries = entries[(lengthFieldSize + length)..];
            }
            tableSize = sizeFieldLength + entriesSize;
            return strings;
        }
        catch (FramingException e)
        {
            throw new ProtocolException("The message's session string table has a malformed size field.", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new ProtocolException("A string in the message's session string table is not valid UTF-8.", e);
        }
    }

    private static int GetEntriesSize(IReadOnlyList<string> strings)
    {
        var size = 0;
        foreach (var value in strings)
            size += GetCharge(value);
        return size;
    }
}
