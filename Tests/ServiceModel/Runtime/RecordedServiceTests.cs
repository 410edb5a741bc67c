using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Xml;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Encoding;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel.Runtime;

/// <summary>
/// Our client against the recorded CoreWCF service: a stand-in server plays back the service's recorded bytes
/// (only each reply's RelatesTo is patched to our client's MessageID), so our client must read stock output.
/// </summary>
public partial class RecordedServiceTests
{
    [Fact]
    public async Task Our_client_runs_the_recorded_scenario_against_the_recorded_service()
    {
        var recorded = CaptureFile.LoadStockEchoSession().Connections[0].ServerToClient;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(() => PlayBackAsync(listener, recorded));

        var callback = new EchoCallback(expectedTicks: 50);
        using var factory = new DuplexChannelFactory<IEchoService>(callback, LoopbackHost.Binding(), $"net.tcp://127.0.0.1:{port}/echo");
        var proxy = factory.CreateChannel();
        var faulted = new TaskCompletionSource();
        ((IClientChannel)proxy).Faulted += (_, _) => faulted.TrySetResult();

        Assert.Equal("hello:42", proxy.Echo(42, "hello"));
        Assert.Equal("async:7", proxy.Echo(7, "async"));
        for (var i = 0; i < 100; i++)
            proxy.Notify(i, "one-way");
        Assert.Equal(99, proxy.GetNotifyCount()); // what the recorded service answered
        proxy.StartCallbacks(50, "tick");
        await callback.AllTicksReceived.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(1, 50), callback.Ticks);
        Assert.Equal("server got client pong 5", proxy.CallMeBack(5));
        var typed = Assert.Throws<FaultException<HarnessFault>>(() => proxy.Fail(17, "boom"));
        Assert.Equal(17, typed.Detail.Code);
        Assert.Equal("typed fault: boom", typed.Reason);
        Assert.Equal("after:1", proxy.Echo(1, "after"));
        var crash = Assert.Throws<FaultException>(() => proxy.Crash("kaboom"));
        Assert.Contains("internal error", crash.Reason);
        await faulted.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the service ended the session after the crash
        await server.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Sends the recorded server records in order; a reply waits for our client's next two-way request.</summary>
    private static async Task PlayBackAsync(TcpListener listener, CaptureStream recorded)
    {
        using var socket = await listener.AcceptSocketAsync();
        await using var stream = new NetworkStream(socket);
        var input = PipeReader.Create(stream);
        var reader = new BinarySessionReader();
        while ((await ReadRecordAsync(input)).Type != FramingRecordType.PreambleEnd)
        {
        }
        foreach (var record in recorded.Records)
        {
            var bytes = record.Bytes;
            if (record.Xml is { } xml && RelatesToPattern().Match(xml) is { Success: true } relates)
            {
                var requestId = await NextTwoWayRequestAsync(input, reader);
                bytes = ReplaceGuid(bytes, Guid.Parse(relates.Groups[1].Value), requestId);
            }
            await stream.WriteAsync(bytes);
        }
        // After End, wait for the client's End or its close.
        try
        {
            while ((await ReadRecordAsync(input)).Type != FramingRecordType.End)
            {
            }
        }
        catch (EndOfStreamException)
        {
        }
    }

    private static async Task<UniqueId> NextTwoWayRequestAsync(PipeReader input, BinarySessionReader reader)
    {
        while (true)
        {
            var record = await ReadRecordAsync(input);
            if (record.Type != FramingRecordType.SizedEnvelope)
                throw new InvalidOperationException($"Unexpected {record.Type} from the client.");
            var message = reader.ReadMessage(record.Payload, 0, record.Payload.Length);
            if (message.MessageId is { } id && message.RelatesTo is null)
                return id;
        }
    }

    private static async Task<(FramingRecordType Type, byte[] Payload)> ReadRecordAsync(PipeReader input)
    {
        var limits = new FramingLimits { MaxReceivedMessageSize = int.MaxValue };
        while (true)
        {
            var result = await input.ReadAsync();
            var buffer = result.Buffer;
            if (FramingRecordReader.TryRead(ref buffer, limits, out var record))
            {
                var read = (record.Type, record.Payload.ToArray());
                input.AdvanceTo(buffer.Start);
                return read;
            }
            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
                throw new EndOfStreamException();
        }
    }

    private static byte[] ReplaceGuid(byte[] bytes, Guid recorded, UniqueId actual)
    {
        Assert.True(actual.TryGetGuid(out var actualGuid));
        var at = bytes.AsSpan().IndexOf(recorded.ToByteArray());
        Assert.True(at >= 0);
        var patched = (byte[])bytes.Clone();
        actualGuid.ToByteArray().CopyTo(patched, at);
        return patched;
    }

    [GeneratedRegex("<a:RelatesTo>urn:uuid:([0-9a-f-]{36})</a:RelatesTo>")]
    private static partial Regex RelatesToPattern();
}
