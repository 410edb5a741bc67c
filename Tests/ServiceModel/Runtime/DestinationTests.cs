using System.Buffers;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Dispatcher;
using Ikosa.ServiceModel.Encoding;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel.Runtime;

/// <summary>
/// A request's To must name this endpoint's path (host and port may differ: a relay, NAT); any other To is answered
/// with the DestinationUnreachable fault, whatever was accepted earlier in the session.
/// </summary>
public class DestinationTests
{
    [Fact]
    public async Task Each_request_is_checked_against_the_endpoint_path()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        await using var raw = await RawConnection.ConnectAsync(host.Port);
        var writer = new BinarySessionWriter();
        var output = new ArrayBufferWriter<byte>();
        FramingRecordWriter.WritePreamble(output, $"net.tcp://127.0.0.1:{host.Port}/echo");
        FramingRecordWriter.WritePreambleEnd(output);
        await raw.SendAsync(output.WrittenSpan.ToArray());
        Assert.Equal(FramingRecordType.PreambleAck, (await raw.ReadRecordAsync())!.Type);

        async Task<Message> CallAsync(string to, int n)
        {
            var request = HarnessMessages.TwoWayRequest(Guid.NewGuid(), "Echo", ("n", n), ("s", "to"));
            request.To = to;
            output.ResetWrittenCount();
            writer.WriteSizedEnvelope(request, output);
            await raw.SendAsync(output.WrittenSpan.ToArray());
            return await raw.ReadMessageAsync();
        }

        var first = await CallAsync($"net.tcp://127.0.0.1:{host.Port}/echo", 1);
        var elsewhere = await CallAsync($"net.tcp://127.0.0.1:{host.Port}/other", 2);
        var sameAgain = await CallAsync($"net.tcp://127.0.0.1:{host.Port}/echo", 3);
        var throughRelay = await CallAsync("net.tcp://relay.example:9000/echo", 4);

        Assert.False(first.IsFault);
        Assert.True(elsewhere.IsFault);
        var unreachable = Assert.IsType<EndpointNotFoundException>(FaultConverter.ReadFault(elsewhere, null));
        Assert.Contains("/other", unreachable.Message);
        Assert.False(sameAgain.IsFault);
        Assert.False(throughRelay.IsFault);
    }
}
