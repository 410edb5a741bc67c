using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Xml;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Encoding;
using Ikosa.ServiceModel.Framing;

namespace Ikosa.Bench.ServiceModel;

/// <summary>
/// A net.tcp client without the runtime: it sends the preamble, then one Echo request encoded once, over and over, and
/// takes each reply as a framing record without decoding it. Against our host it shows what the server side alone costs.
/// </summary>
public sealed class ReplayingClient : IDisposable
{
    private const byte SizedEnvelope = 0x06;
    private const byte PreambleAck = 0x0B;

    private readonly Socket _socket;
    private readonly ReadOnlyMemory<byte> _request;
    private readonly byte[] _buffer = new byte[64 * 1024];

    private ReplayingClient(Socket socket, ReadOnlyMemory<byte> request)
    {
        _socket = socket;
        _request = request;
    }

    /// <summary>Opens a session with the host at <paramref name="address"/> and makes its first call.</summary>
    public static async Task<ReplayingClient> ConnectAsync(Uri address)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, address.Port);
        var preamble = new ArrayBufferWriter<byte>();
        FramingRecordWriter.WritePreamble(preamble, address.AbsoluteUri);
        FramingRecordWriter.WritePreambleEnd(preamble);
        await socket.SendAsync(preamble.WrittenMemory, SocketFlags.None);
        var ack = new byte[1];
        if (await socket.ReceiveAsync(ack, SocketFlags.None) != 1 || ack[0] != PreambleAck)
            throw new InvalidOperationException("The host did not acknowledge the preamble.");

        // The first request carries the session strings; the ones after it refer to them, as a real client's would.
        var writer = new BinarySessionWriter();
        var first = Encode(writer, address);
        var client = new ReplayingClient(socket, Encode(writer, address));
        await socket.SendAsync(first, SocketFlags.None);
        await client.ReceiveEnvelopeAsync();
        return client;
    }

    /// <summary>One round trip: the request, then its reply.</summary>
    public async Task RoundTripAsync()
    {
        await _socket.SendAsync(_request, SocketFlags.None);
        await ReceiveEnvelopeAsync();
    }

    public void Dispose() => _socket.Dispose();

    private static ReadOnlyMemory<byte> Encode(BinarySessionWriter writer, Uri address)
    {
        var echo = ContractDescription.GetContract(typeof(IBenchService)).Operations.Single(o => o.Name == "Echo");
        var request = echo.Formatter.SerializeRequest([1, "ping"]);
        request.MessageId = new UniqueId(Guid.NewGuid());
        request.ReplyTo = WellKnownAddresses.Anonymous;
        request.To = address.AbsoluteUri;
        var output = new ArrayBufferWriter<byte>();
        writer.WriteSizedEnvelope(request, output);
        return output.WrittenMemory;
    }

    /// <summary>Reads exactly one SizedEnvelope record: the reply.</summary>
    private async Task ReceiveEnvelopeAsync()
    {
        var filled = 0;
        while (true)
        {
            if (filled > 1 && MultiByteInt31.TryRead(_buffer.AsSpan(1, filled - 1), out var size, out var sizeLength) && filled >= 1 + sizeLength + size)
            {
                if (_buffer[0] != SizedEnvelope || filled != 1 + sizeLength + size)
                    throw new InvalidOperationException($"Expected one SizedEnvelope record, got record 0x{_buffer[0]:X2} and {filled} bytes.");
                return;
            }
            var count = await _socket.ReceiveAsync(_buffer.AsMemory(filled), SocketFlags.None);
            if (count == 0)
                throw new InvalidOperationException("The host closed the connection.");
            filled += count;
        }
    }
}
