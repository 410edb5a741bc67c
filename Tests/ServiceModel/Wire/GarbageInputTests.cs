using System.Buffers;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Encoding;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel.Wire;

/// <summary>Bad bytes give FramingException or ProtocolException (QuotaExceededException for quotas), nothing else, and never hang.</summary>
public class GarbageInputTests
{
    private static readonly CaptureFile Capture = CaptureFile.LoadStockEchoSession();

    [Fact]
    public void Random_bytes_never_escape_as_another_exception_from_the_framing_reader()
    {
        var random = new Random(1234);
        for (var round = 0; round < 2000; round++)
        {
            var bytes = new byte[random.Next(1, 64)];
            random.NextBytes(bytes);
            var buffer = new ReadOnlySequence<byte>(bytes);
            try
            {
                // Each successful read consumes at least one byte, so this loop ends.
                for (var reads = 0; reads <= bytes.Length && FramingRecordReader.TryRead(ref buffer, FramingLimits.Default, out _); reads++)
                {
                }
            }
            catch (FramingException)
            {
            }
        }
    }

    [Fact]
    public void Random_payloads_never_escape_as_another_exception_from_the_message_reader()
    {
        var random = new Random(4321);
        for (var round = 0; round < 2000; round++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (round % 2 == 0 && bytes.Length > 0)
                bytes[0] = 0x00; // an empty table, so the bytes reach the XML reader
            AssertFailsCleanlyOrReads(bytes);
        }
    }

    [Fact]
    public void Every_truncation_of_every_captured_payload_is_a_protocol_exception()
    {
        foreach (var envelope in Capture.Connections[0].ServerToClient.Envelopes.Take(6).Concat(Capture.Connections[0].ClientToServer.Envelopes.Take(3)))
        {
            var payload = CaptureDecodeTests.PayloadOf(envelope);
            for (var length = 0; length < payload.Length; length++)
                Assert.ThrowsAny<ProtocolException>(() => new BinarySessionReader().ReadMessage(payload, 0, length));
        }
    }

    [Fact]
    public void Every_single_byte_corruption_of_a_captured_payload_fails_cleanly_or_reads()
    {
        var payload = CaptureDecodeTests.PayloadOf(Capture.Connections[0].ServerToClient.Envelopes.Single(e => e.EnvelopeNumber == 56));
        foreach (var mask in new byte[] { 0xFF, 0x01, 0x80 })
        {
            for (var index = 0; index < payload.Length; index++)
            {
                var corrupted = (byte[])payload.Clone();
                corrupted[index] ^= mask;
                AssertFailsCleanlyOrReads(corrupted);
            }
        }
    }

    [Theory]
    [InlineData("00 56 FE 07 01")]              // static ID 0x3FE: past the end of the dictionary
    [InlineData("00 56 02 0B 01 73 04 42 61 01 01")] // session ID 0x61 that no table defined
    [InlineData("00 56 02 0B 01 73 04 0A 63 01")]    // an undefined session namespace
    [InlineData("00 AB 01")]                    // dictionary text with no element
    [InlineData("00 56 02")]                    // an element that never ends
    [InlineData("03 02 C3 28")]                 // a table string that is not UTF-8
    [InlineData("05 10 41")]                    // a table string running past the table
    [InlineData("7F 00")]                       // a table longer than the message
    [InlineData("80 80 80 80 80 80")]           // a table size with six bytes
    [InlineData("")]                            // nothing at all
    public void Bogus_dictionary_ids_and_tables_are_protocol_exceptions(string hex)
    {
        var payload = Hex.Bytes(hex);
        var error = Assert.ThrowsAny<ProtocolException>(() => new BinarySessionReader().ReadMessage(payload, 0, payload.Length));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static void AssertFailsCleanlyOrReads(byte[] bytes)
    {
        try
        {
            var message = new BinarySessionReader().ReadMessage(bytes, 0, bytes.Length);
            EnvelopeXml.Render(message);
        }
        catch (CommunicationException)
        {
        }
    }
}
