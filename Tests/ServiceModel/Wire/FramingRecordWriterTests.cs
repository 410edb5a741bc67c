using System.Buffers;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel.Wire;

public class FramingRecordWriterTests
{
    private const string EchoPreamble =
        "00 01 00 01 02 02 1D 6E 65 74 2E 74 63 70 3A 2F 2F 6C 6F 63 61 6C 68 6F 73 74 3A 38 38 30 38 2F 65 63 68 6F 03 08 0C";

    [Fact]
    public void The_preamble_for_the_echo_address_is_the_39_bytes_of_the_notes()
    {
        var output = new ArrayBufferWriter<byte>();
        FramingRecordWriter.WritePreamble(output, "net.tcp://localhost:8808/echo");
        FramingRecordWriter.WritePreambleEnd(output);

        Assert.Equal(39, output.WrittenCount);
        Assert.Equal(Hex.Of(Hex.Bytes(EchoPreamble)), Hex.Of(output.WrittenSpan));
    }

    [Fact]
    public void The_preamble_matches_the_captured_client()
    {
        var capture = CaptureFile.LoadStockEchoSession();
        var client = capture.Connections[0].ClientToServer.Records.Take(5).SelectMany(r => r.Bytes).ToArray();

        var output = new ArrayBufferWriter<byte>();
        FramingRecordWriter.WritePreamble(output, "net.tcp://127.0.0.1:8090/echo");
        FramingRecordWriter.WritePreambleEnd(output);

        Assert.Equal(Hex.Of(client), Hex.Of(output.WrittenSpan));
    }

    [Fact]
    public void One_byte_records()
    {
        Assert.Equal("0B", Written(FramingRecordWriter.WritePreambleAck));
        Assert.Equal("0C", Written(FramingRecordWriter.WritePreambleEnd));
        Assert.Equal("07", Written(FramingRecordWriter.WriteEnd));
        Assert.Equal("0A", Written(FramingRecordWriter.WriteUpgradeResponse));
    }

    [Theory]
    [InlineData("application/ssl-tls", "0913")]
    [InlineData("application/negotiate", "0915")]
    public void Upgrade_requests(string protocol, string prefix)
    {
        Assert.Equal(prefix + Hex.Of(System.Text.Encoding.UTF8.GetBytes(protocol)), Written(o => FramingRecordWriter.WriteUpgradeRequest(o, protocol)));
    }

    [Theory]
    [InlineData(FramingFault.EndpointNotFound, "0847", "EndpointNotFound")]
    [InlineData(FramingFault.ContentTypeInvalid, "0849", "ContentTypeInvalid")]
    [InlineData(FramingFault.MaxMessageSizeExceeded, "0852", "MaxMessageSizeExceededFault")]
    [InlineData(FramingFault.ViaTooLong, "0841", "ViaTooLong")]
    [InlineData(FramingFault.ContentTypeTooLong, "0849", "ContentTypeTooLong")]
    [InlineData(FramingFault.UnsupportedVersion, "0849", "UnsupportedVersion")]
    [InlineData(FramingFault.UnsupportedMode, "0846", "UnsupportedMode")]
    [InlineData(FramingFault.UpgradeInvalid, "0845", "UpgradeInvalid")]
    [InlineData(FramingFault.ServerTooBusy, "0844", "ServerTooBusy")]
    [InlineData(FramingFault.EndpointUnavailable, "084A", "EndpointUnavailable")]
    [InlineData(FramingFault.ServiceActivationFailed, "084E", "ServiceActivationFailed")]
    [InlineData(FramingFault.ConnectionDispatchFailed, "084F", "ConnectionDispatchFailed")]
    public void Each_fault_record_is_08_length_and_its_uri(FramingFault fault, string prefix, string name)
    {
        var uri = "http://schemas.microsoft.com/ws/2006/05/framing/faults/" + name;
        Assert.Equal(uri, FramingFaults.ToUri(fault));
        Assert.Equal(prefix + Hex.Of(System.Text.Encoding.UTF8.GetBytes(uri)), Written(o => FramingRecordWriter.WriteFault(o, fault)));
    }

    [Theory]
    [InlineData(1, "0601")]
    [InlineData(157, "069D01")]
    [InlineData(65536, "06808004")]
    public void Sized_envelope_headers(int size, string hex)
    {
        Assert.Equal(hex, Written(o => FramingRecordWriter.WriteSizedEnvelopeHeader(o, size)));
    }

    [Fact]
    public void An_empty_envelope_cannot_be_written()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FramingRecordWriter.WriteSizedEnvelopeHeader(new ArrayBufferWriter<byte>(), 0));
    }

    private static string Written(Action<IBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return Hex.Of(output.WrittenSpan);
    }
}
