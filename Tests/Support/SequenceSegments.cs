using System.Buffers;

namespace Ikosa.Tests.Support;

/// <summary>Builds multi-segment sequences, the shape a PipeReader hands out when data arrives in pieces.</summary>
public static class SequenceSegments
{
    /// <summary><paramref name="data"/> as two segments, split at <paramref name="at"/>.</summary>
    public static ReadOnlySequence<byte> Split(ReadOnlyMemory<byte> data, int at) => Of(data[..at], data[at..]);

    /// <summary>One segment per byte: the worst case for a decoder.</summary>
    public static ReadOnlySequence<byte> ByteByByte(ReadOnlyMemory<byte> data) =>
        Of(Enumerable.Range(0, data.Length).Select(i => data.Slice(i, 1)).ToArray());

    public static ReadOnlySequence<byte> Of(params ReadOnlyMemory<byte>[] parts)
    {
        if (parts.Length == 0)
            return ReadOnlySequence<byte>.Empty;
        var first = new Segment(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
            last = last.Append(part);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
