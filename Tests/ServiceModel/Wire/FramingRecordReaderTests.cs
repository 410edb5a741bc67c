using System.Buffers;
using System.Text;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel.Wire;

public class FramingRecordReaderTests
{
    private const string EchoPreamble =
        "00 01 00 01 02 02 1D 6E 65 74 2E 74 63 70 3A 2F 2F 6C 6F 63 61 6C 68 6F 73 74 3A 38 38 30 38 2F 65 63 68 6F 03 08 0C";

    [Fact]
    public void The_echo_preamble_reads_as_its_five_records()
    {
        var records = ReadAll(Hex.Bytes(EchoPreamble));

        Assert.Equal(
            [FramingRecordType.Version, FramingRecordType.Mode, FramingRecordType.Via, FramingRecordType.KnownEncoding, FramingRecordType.PreambleEnd],
            records.Select(r => r.Type));
        Assert.Equal((1, 0), (records[0].Value, records[0].Minor));
        Assert.Equal((int)FramingMode.Duplex, records[1].Value);
        Assert.Equal("net.tcp://localhost:8808/echo", records[2].Text);
        Assert.True(ContentTypes.IsBinarySession(records[3]));
    }

    [Fact]
    public void The_extensible_binary_session_encoding_equals_the_known_one()
    {
        var record = ReadOne(Hex.Bytes("04 1E" + Hex.Of(Encoding.UTF8.GetBytes("application/soap+msbinsession1"))));

        Assert.Equal(FramingRecordType.ExtensibleEncoding, record.Type);
        Assert.Equal(ContentTypes.BinarySession, record.Text);
        Assert.True(ContentTypes.IsBinarySession(record));
    }

    [Theory]
    [InlineData("03 03")] // SOAP 1.2 text: the server answers ContentTypeInvalid
    [InlineData("03 07")] // msbin1 without a session
    public void Other_known_encodings_are_reported_for_the_caller_to_refuse(string hex)
    {
        var record = ReadOne(Hex.Bytes(hex));
        Assert.Equal(FramingRecordType.KnownEncoding, record.Type);
        Assert.False(ContentTypes.IsBinarySession(record));
    }

    [Fact]
    public void Other_extensible_content_types_are_not_the_binary_session()
    {
        var record = ReadOne(Hex.Bytes("04" + Hex.Text("application/soap+xml; charset=utf-8")));
        Assert.False(ContentTypes.IsBinarySession(record));
    }

    [Fact]
    public void Version_2_0_is_unsupported()
    {
        AssertFault("00 02 00", FramingFault.UnsupportedVersion);
        AssertFault("00 01 01", FramingFault.UnsupportedVersion);
    }

    [Fact]
    public void Undefined_modes_are_unsupported_and_defined_ones_are_reported()
    {
        AssertFault("01 05", FramingFault.UnsupportedMode);
        AssertFault("01 00", FramingFault.UnsupportedMode);
        Assert.Equal((int)FramingMode.SingletonUnsized, ReadOne(Hex.Bytes("01 01")).Value);
        Assert.Equal((int)FramingMode.Simplex, ReadOne(Hex.Bytes("01 03")).Value);
    }

    [Fact]
    public void A_via_over_2048_bytes_is_refused_as_soon_as_its_length_is_read()
    {
        AssertFault("02 81 10", FramingFault.ViaTooLong); // 2049, with none of its bytes sent

        var exactly = "net.tcp://h/" + new string('a', 2048 - 12);
        var header = new byte[8];
        header[0] = 2;
        var length = 1 + MultiByteInt31.Write(header.AsSpan(1), 2048);
        Assert.Equal(exactly, ReadOne([.. header.AsSpan(0, length), .. Encoding.UTF8.GetBytes(exactly)]).Text);
    }

    [Fact]
    public void A_content_type_over_256_bytes_is_refused()
    {
        AssertFault("04 81 02", FramingFault.ContentTypeTooLong); // 257
    }

    [Fact]
    public void Limits_can_be_lowered()
    {
        var limits = new FramingLimits { MaxViaSize = 10 };
        var bytes = Hex.Bytes("02" + Hex.Text("net.tcp://x/y"));
        var buffer = new ReadOnlySequence<byte>(bytes);
        var error = Assert.Throws<FramingException>(() => FramingRecordReader.TryRead(ref buffer, limits, out _));
        Assert.Equal(FramingFault.ViaTooLong, error.Fault);
    }

    [Fact]
    public void An_envelope_over_the_maximum_message_size_is_refused_before_its_body_arrives()
    {
        AssertFault("06 81 80 04", FramingFault.MaxMessageSizeExceeded); // 65537
        var limits = new FramingLimits { MaxReceivedMessageSize = 100 };
        var buffer = new ReadOnlySequence<byte>(Hex.Bytes("06 65"));
        var error = Assert.Throws<FramingException>(() => FramingRecordReader.TryRead(ref buffer, limits, out _));
        Assert.Equal(FramingFault.MaxMessageSizeExceeded, error.Fault);
    }

    [Fact]
    public void An_envelope_of_exactly_the_maximum_size_is_read()
    {
        var bytes = new byte[4 + 65536];
        Hex.Bytes("06 80 80 04").CopyTo(bytes, 0);
        var record = ReadOne(bytes);
        Assert.Equal(65536, record.Payload.Length);
    }

    [Theory]
    [InlineData("06 00")]       // an empty envelope
    [InlineData("0D")]          // not a record type
    [InlineData("FF")]
    [InlineData("05 03 01 02 03 00")] // unsized envelope: streamed mode is not supported
    [InlineData("06 80 80 80 80 80")] // a 6-byte size
    [InlineData("02 02 C3 28")] // a Via that is not UTF-8
    public void Malformed_records_throw_without_a_fault_to_send(string hex)
    {
        AssertFault(hex, expected: null);
    }

    [Fact]
    public void An_oversized_fault_string_is_refused_without_answering()
    {
        AssertFault("08 81 02", expected: null);
    }

    [Fact]
    public void A_fault_record_reads_as_its_uri()
    {
        var output = new ArrayBufferWriter<byte>();
        FramingRecordWriter.WriteFault(output, FramingFault.EndpointNotFound);
        var record = ReadOne(output.WrittenSpan.ToArray());

        Assert.Equal(FramingRecordType.Fault, record.Type);
        Assert.True(FramingFaults.TryParse(record.Text!, out var fault));
        Assert.Equal(FramingFault.EndpointNotFound, fault);
    }

    [Fact]
    public void An_upgrade_request_reads_as_its_protocol()
    {
        var record = ReadOne(Hex.Bytes("09" + Hex.Text("application/ssl-tls")));
        Assert.Equal((FramingRecordType.UpgradeRequest, "application/ssl-tls"), (record.Type, record.Text));
    }

    [Fact]
    public void Every_truncation_of_a_session_reads_the_whole_records_and_leaves_the_partial_one_alone()
    {
        var stream = CaptureFile.LoadStockEchoSession().Connections[1].ClientToServer;
        var bytes = stream.Bytes;
        var recordEnds = stream.Records.Select(r => r.Bytes.Length).Aggregate(new List<int>(), (ends, length) =>
        {
            ends.Add((ends.Count == 0 ? 0 : ends[^1]) + length);
            return ends;
        });

        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, cut);
            var read = 0;
            while (FramingRecordReader.TryRead(ref buffer, FramingLimits.Default, out _))
                read++;
            var whole = recordEnds.Count(end => end <= cut);
            Assert.Equal(whole, read);
            Assert.Equal(cut - (whole == 0 ? 0 : recordEnds[whole - 1]), buffer.Length);
        }
    }

    [Fact]
    public void A_session_fed_one_byte_per_segment_reads_the_same_records()
    {
        var stream = CaptureFile.LoadStockEchoSession().Connections[0].ServerToClient;
        var buffer = SequenceSegments.ByteByByte(stream.Bytes);
        foreach (var expected in stream.Records)
        {
            Assert.True(FramingRecordReader.TryRead(ref buffer, FramingLimits.Default, out var record));
            Assert.Equal(expected.Type, record.Type);
            if (record.Type == FramingRecordType.SizedEnvelope)
                Assert.Equal(CaptureDecodeTests.PayloadOf(expected), record.Payload.ToArray());
        }
        Assert.True(buffer.IsEmpty);
    }

    private static void AssertFault(string hex, FramingFault? expected)
    {
        var buffer = new ReadOnlySequence<byte>(Hex.Bytes(hex));
        var error = Assert.Throws<FramingException>(() => FramingRecordReader.TryRead(ref buffer, FramingLimits.Default, out _));
        Assert.Equal(expected, error.Fault);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static FramingRecord ReadOne(byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(FramingRecordReader.TryRead(ref buffer, FramingLimits.Default, out var record));
        Assert.True(buffer.IsEmpty);
        return record;
    }

    private static List<FramingRecord> ReadAll(byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        var records = new List<FramingRecord>();
        while (FramingRecordReader.TryRead(ref buffer, FramingLimits.Default, out var record))
            records.Add(record);
        Assert.True(buffer.IsEmpty);
        return records;
    }
}
