using System.Buffers;

namespace Ikosa.ServiceModel.Framing;

/// <summary>
/// The [MC-NMF] size field: 7 bits a byte, least significant group first, high bit = more bytes follow,
/// at most 5 bytes and at most 2^31-1.
/// </summary>
public static class MultiByteInt31
{
    public const int MaxBytes = 5;

    // In the 5th byte only the top 3 bits of a 31-bit value remain.
    private const byte MaxLastByte = 0x07;

    public static int GetByteCount(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var count = 1;
        for (var rest = (uint)value >> 7; rest != 0; rest >>= 7)
            count++;
        return count;
    }

    /// <summary>Writes <paramref name="value"/> and returns the number of bytes written.</summary>
    public static int Write(Span<byte> destination, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var rest = (uint)value;
        var index = 0;
        while (rest >= 0x80)
        {
            destination[index++] = (byte)(rest | 0x80);
            rest >>= 7;
        }
        destination[index++] = (byte)rest;
        return index;
    }

    public static void Write(IBufferWriter<byte> output, int value)
    {
        var span = output.GetSpan(MaxBytes);
        output.Advance(Write(span, value));
    }

    /// <summary>
    /// Reads one value. False when more bytes are needed (the reader is then not advanced).
    /// Throws <see cref="FramingException"/> on a 6th byte or a 5th byte above 0x07.
    /// </summary>
    public static bool TryRead(ref SequenceReader<byte> reader, out int value)
    {
        var lookahead = reader;
        uint result = 0;
        for (var index = 0; index < MaxBytes; index++)
        {
            if (!lookahead.TryRead(out var next))
            {
                value = 0;
                return false;
            }
            if (Accumulate(next, index, ref result))
            {
                reader = lookahead;
                value = (int)result;
                return true;
            }
        }
        throw new InvalidOperationException("unreachable: the 5th byte always ends the loop");
    }

    /// <summary>
    /// Reads one value from the front of <paramref name="source"/>. False when it ends before the value does.
    /// Throws <see cref="FramingException"/> like the sequence overload.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out int value, out int bytesRead)
    {
        uint result = 0;
        for (var index = 0; index < MaxBytes && index < source.Length; index++)
        {
            if (Accumulate(source[index], index, ref result))
            {
                value = (int)result;
                bytesRead = index + 1;
                return true;
            }
        }
        value = 0;
        bytesRead = 0;
        return false;
    }

    /// <summary>Adds the <paramref name="index"/>th byte to <paramref name="result"/>; true when it is the last byte.</summary>
    private static bool Accumulate(byte next, int index, ref uint result)
    {
        if (index == MaxBytes - 1 && next > MaxLastByte)
            throw new FramingException(next >= 0x80
                ? "A size field has more than 5 bytes."
                : "A size field exceeds 2^31-1.");
        result |= (uint)(next & 0x7F) << (7 * index);
        return (next & 0x80) == 0;
    }
}
