using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel.Wire;

public class MultiByteInt31Tests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "8001")]
    [InlineData(16383, "FF7F")]
    [InlineData(16384, "808001")]
    [InlineData(int.MaxValue, "FFFFFFFF07")]
    public void Encodes_and_decodes_the_vectors(int value, string hex)
    {
        var span = new byte[MultiByteInt31.MaxBytes];
        var written = MultiByteInt31.Write(span, value);
        Assert.Equal(hex, Hex.Of(span.AsSpan(0, written)));
        Assert.Equal(written, MultiByteInt31.GetByteCount(value));

        var output = new ArrayBufferWriter<byte>();
        MultiByteInt31.Write(output, value);
        Assert.Equal(hex, Hex.Of(output.WrittenSpan));

        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Hex.Bytes(hex + "AA")));
        Assert.True(MultiByteInt31.TryRead(ref reader, out var read));
        Assert.Equal(value, read);
        Assert.Equal(written, reader.Consumed);

        Assert.True(MultiByteInt31.TryRead(Hex.Bytes(hex), out var fromSpan, out var length));
        Assert.Equal((value, written), (fromSpan, length));
    }

    [Theory]
    [InlineData("8080808080")]   // a 6th byte would follow
    [InlineData("FFFFFFFF7F")]
    [InlineData("8080808008")]   // 5th byte above 0x07: more than 31 bits
    [InlineData("FFFFFFFF0F")]
    public void Rejects_a_sixth_byte_and_a_fifth_byte_above_7(string hex)
    {
        var bytes = Hex.Bytes(hex + "00");
        Assert.Throws<FramingException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            MultiByteInt31.TryRead(ref reader, out _);
        });
        Assert.Throws<FramingException>(() => MultiByteInt31.TryRead(bytes, out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("FFFF")]
    [InlineData("80808080")]
    public void An_incomplete_value_asks_for_more_and_does_not_advance(string hex)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Hex.Bytes(hex)));
        Assert.False(MultiByteInt31.TryRead(ref reader, out _));
        Assert.Equal(0, reader.Consumed);
        Assert.False(MultiByteInt31.TryRead(Hex.Bytes(hex), out _, out _));
    }

    [Fact]
    public void Every_non_negative_int_round_trips_also_when_split_across_segments()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Gen.OneOf(Gen.Choose(0, 300), Gen.Choose(0, int.MaxValue - 1)).ToArbitrary(), value =>
        {
            var bytes = new byte[MultiByteInt31.MaxBytes];
            var length = MultiByteInt31.Write(bytes, value);
            var split = value % length;
            var reader = new SequenceReader<byte>(SequenceSegments.Split(bytes.AsMemory(0, length), split));
            return MultiByteInt31.TryRead(ref reader, out var read) && read == value && reader.Consumed == length;
        }));
    }

    [Fact]
    public void Negative_values_cannot_be_written()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MultiByteInt31.Write(new byte[5], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultiByteInt31.GetByteCount(-1));
    }
}
