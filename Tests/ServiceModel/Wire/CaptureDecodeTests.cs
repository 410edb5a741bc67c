using System.Buffers;
using Ikosa.ServiceModel.Encoding;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel.Wire;

/// <summary>Our decoder reads every record stock WCF and CoreWCF sent in the recorded session.</summary>
public class CaptureDecodeTests
{
    private static readonly CaptureFile Capture = CaptureFile.LoadStockEchoSession();

    [Fact]
    public void The_capture_has_both_directions_of_two_connections_and_their_declared_sizes()
    {
        Assert.Equal([1, 2], Capture.Connections.Select(c => c.Number));
        foreach (var stream in Capture.Streams)
            Assert.Equal(stream.DeclaredByteCount, stream.Bytes.Length);
        Assert.Equal(109, Capture.Connections[0].ClientToServer.Envelopes.Count());
        Assert.Equal(58, Capture.Connections[0].ServerToClient.Envelopes.Count());
    }

    [Fact]
    public void Every_record_of_every_stream_decodes_to_the_recorded_record_and_xml()
    {
        var envelopes = 0;
        foreach (var stream in Capture.Streams)
        {
            var reader = new BinarySessionReader();
            var buffer = new ReadOnlySequence<byte>(stream.Bytes);
            foreach (var expected in stream.Records)
            {
                var before = buffer.Length;
                Assert.True(FramingRecordReader.TryRead(ref buffer, FramingLimits.Default, out var record), $"{stream}: {expected}");
                Assert.Equal(expected.Type, record.Type);
                Assert.Equal(expected.Bytes.Length, before - buffer.Length);
                if (expected.Type == FramingRecordType.Via)
                    Assert.Equal(expected.Text, record.Text);
                if (expected.Type != FramingRecordType.SizedEnvelope)
                    continue;

                var payload = record.Payload.ToArray();
                var message = reader.ReadMessage(payload, 0, payload.Length);
                Assert.Equal(expected.Xml, EnvelopeXml.Render(message));
                envelopes++;
            }
            Assert.Equal(0, buffer.Length);
        }
        Assert.Equal(109 + 58 + 1 + 1, envelopes);
    }

    [Fact]
    public void Session_strings_are_sent_once_per_direction_and_a_message_without_new_ones_has_table_00()
    {
        foreach (var stream in Capture.Streams)
        {
            var strings = stream.Envelopes.SelectMany(e => e.NewSessionStrings).ToList();
            Assert.Equal(strings.Count, strings.Distinct().Count());
        }
        var requests = Capture.Connections[0].ClientToServer.Envelopes.ToList();
        Assert.Equal(6, requests[0].NewSessionStrings.Count);
        Assert.Empty(requests[1].NewSessionStrings);
        Assert.Equal(0x00, PayloadOf(requests[1])[0]);
    }

    [Fact]
    public void The_received_fault_is_recognised_as_a_fault()
    {
        var stream = Capture.Connections[0].ServerToClient;
        var reader = new BinarySessionReader();
        var faults = new List<string>();
        foreach (var envelope in stream.Envelopes)
        {
            var payload = PayloadOf(envelope);
            var message = reader.ReadMessage(payload, 0, payload.Length);
            if (message.IsFault)
                faults.Add(message.Action);
        }
        Assert.Equal(
            ["urn:harness/IEchoService/FailHarnessFaultFault", "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher/fault"],
            faults);
    }

    internal static byte[] PayloadOf(CaptureRecord envelope)
    {
        var buffer = new ReadOnlySequence<byte>(envelope.Bytes);
        Assert.True(FramingRecordReader.TryRead(ref buffer, FramingLimits.Default, out var record));
        return record.Payload.ToArray();
    }
}
