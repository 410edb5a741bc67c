using System.Buffers;
using System.Text.RegularExpressions;
using System.Xml;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Encoding;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel.Runtime;

/// <summary>
/// The recorded stock WCF client's bytes, replayed against our server hosting the same contract: our replies must
/// decode to the XML the recorded CoreWCF service sent (message ids and the service's port aside).
/// </summary>
public partial class CaptureReplayTests
{
    private static readonly CaptureFile Capture = CaptureFile.LoadStockEchoSession();

    [Fact]
    public async Task Server_answers_the_recorded_client_as_the_recorded_service_did()
    {
        var recorded = Capture.Connections[0];
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        await using var client = await RawConnection.ConnectAsync(host.Port);

        var preamble = recorded.ClientToServer.Records.TakeWhile(r => r.Type != FramingRecordType.SizedEnvelope).SelectMany(r => r.Bytes).ToArray();
        await client.SendAsync(preamble);
        Assert.Equal(FramingRecordType.PreambleAck, (await client.ReadRecordAsync())!.Type);

        var received = new List<string>();
        var outstanding = new HashSet<string>();
        UniqueId? serverRequestId = null;
        foreach (var record in recorded.ClientToServer.Envelopes)
        {
            var bytes = record.Bytes;
            if (RelatesTo(record.Xml!) is { } recordedRelatesTo)
                bytes = ReplaceGuid(bytes, recordedRelatesTo, serverRequestId ?? throw new InvalidOperationException("The server sent no callback to answer."));
            await client.SendAsync(bytes);
            if (MessageId(record.Xml!) is { } id)
                outstanding.Add("urn:uuid:" + id);
            // Read until every two-way request is answered, or the server asks the client something itself.
            while (outstanding.Count > 0)
            {
                var message = await client.ReadMessageAsync();
                if (message.RelatesTo is { } relatesTo)
                    outstanding.Remove(relatesTo.ToString());
                var isServerRequest = message.MessageId is not null && message.RelatesTo is null;
                if (isServerRequest)
                    serverRequestId = message.MessageId;
                received.Add(EnvelopeXml.Render(message));
                if (isServerRequest)
                    break;
            }
        }
        var end = await client.ReadRecordAsync();

        // The recorded CoreWCF service answered GetNotifyCount with 99 after 100 one-way Notify calls: it had not yet
        // run the last one (CoreWCF does not order one-way calls against a later request, CoreWCF #318). Our
        // dispatcher runs a session's calls in arrival order, so it answers 100; that one value is expected to differ.
        var expected = recorded.ServerToClient.Envelopes
            .Select(r => r.Xml!.Replace("<GetNotifyCountResult>99</GetNotifyCountResult>", "<GetNotifyCountResult>100</GetNotifyCountResult>"))
            .ToList();
        Assert.Equal(expected.Count, received.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(Normalize(expected[i]), Normalize(received[i]));
        Assert.Equal(FramingRecordType.End, end!.Type);
        Assert.True(await client.ClosedByServerAsync());
    }

    [Fact]
    public async Task Recorded_session_on_a_reused_connection_starts_with_fresh_dictionaries()
    {
        var recorded = Capture.Connections[1];
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        await using var client = await RawConnection.ConnectAsync(host.Port);
        var expectedReply = Normalize(recorded.ServerToClient.Envelopes.Single().Xml!);

        for (var session = 0; session < 3; session++)
        {
            // The recorded client bytes define session strings 1, 3, 5...: only valid against a fresh inbound table.
            client.Reader = new BinarySessionReader();
            await client.SendAsync(recorded.ClientToServer.Bytes);
            Assert.Equal(FramingRecordType.PreambleAck, (await client.ReadRecordAsync())!.Type);
            Assert.Equal(expectedReply, Normalize(EnvelopeXml.Render(await client.ReadMessageAsync())));
            Assert.Equal(FramingRecordType.End, (await client.ReadRecordAsync())!.Type);
        }
    }

    [Fact]
    public async Task Our_client_reader_decodes_the_recorded_server_side()
    {
        var recorded = Capture.Connections[0].ServerToClient;
        var reader = new BinarySessionReader();
        foreach (var record in recorded.Envelopes)
        {
            var payload = PayloadOf(record.Bytes);
            Assert.Equal(Normalize(record.Xml!), Normalize(EnvelopeXml.Render(reader.ReadMessage(payload, 0, payload.Length))));
        }
    }

    private static byte[] PayloadOf(byte[] sizedEnvelope)
    {
        var sequence = new System.Buffers.ReadOnlySequence<byte>(sizedEnvelope);
        Assert.True(FramingRecordReader.TryRead(ref sequence, new FramingLimits(), out var record));
        return record.Payload.ToArray();
    }

    private static string? MessageId(string xml) => MessageIdPattern().Match(xml) is { Success: true } m ? m.Groups[1].Value : null;

    private static string? RelatesTo(string xml) => RelatesToPattern().Match(xml) is { Success: true } m ? m.Groups[1].Value : null;

    private static byte[] ReplaceGuid(byte[] bytes, string recordedGuid, UniqueId actual)
    {
        Assert.True(actual.TryGetGuid(out var actualGuid));
        var from = Guid.Parse(recordedGuid).ToByteArray();
        var at = bytes.AsSpan().IndexOf(from);
        Assert.True(at >= 0, "the recorded RelatesTo bytes are in the record");
        var patched = (byte[])bytes.Clone();
        actualGuid.ToByteArray().CopyTo(patched, at);
        return patched;
    }

    /// <summary>Message ids differ per run, and our service listens on a free port rather than the recorded 8089.</summary>
    private static string Normalize(string xml) =>
        PortPattern().Replace(GuidPattern().Replace(xml, "urn:uuid:GUID"), "net.tcp://127.0.0.1:PORT/");

    [GeneratedRegex("<a:MessageID>urn:uuid:([0-9a-f-]{36})</a:MessageID>")]
    private static partial Regex MessageIdPattern();

    [GeneratedRegex("<a:RelatesTo>urn:uuid:([0-9a-f-]{36})</a:RelatesTo>")]
    private static partial Regex RelatesToPattern();

    [GeneratedRegex("urn:uuid:[0-9a-f-]{36}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"net\.tcp://127\.0\.0\.1:\d+/")]
    private static partial Regex PortPattern();
}
