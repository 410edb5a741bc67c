using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Ikosa.Contracts;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Encoding;
using Ikosa.ServiceModel.Framing;

namespace Ikosa.Bench.Abuse;

/// <summary>
/// A peer on the network as an attacker would be: bare sockets from its own address (any 127.x.y.z is loopback on
/// Linux, so each attack comes from an address of its own and the legit player from 127.0.0.1), sending exact bytes.
/// </summary>
internal static class Stranger
{
    /// <summary>Linux's IP_BIND_ADDRESS_NO_PORT: the source port is chosen at connect, so many connections share one address.</summary>
    private const int IpBindAddressNoPort = 24;

    public static IPAddress Address(int third, int fourth) => new([127, 0, (byte)third, (byte)fourth]);

    public static async Task<Socket> ConnectAsync(IPAddress from, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.SetRawSocketOption(0, IpBindAddressNoPort, BitConverter.GetBytes(1));
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Drops the connection with a reset, as an attacker that goes away does (and leaves no TIME_WAIT behind).</summary>
    public static void Drop(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
        }
        socket.Dispose();
    }

    /// <summary>A net.tcp preamble for <paramref name="via"/>, PreambleEnd included.</summary>
    public static byte[] Preamble(Uri via)
    {
        var output = new ArrayBufferWriter<byte>();
        FramingRecordWriter.WritePreamble(output, via.AbsoluteUri);
        FramingRecordWriter.WritePreambleEnd(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A GetSerial request on the login endpoint, first message of its session: the cheapest call a client makes.</summary>
    public static byte[] GetSerialRequest(Uri via)
    {
        var output = new ArrayBufferWriter<byte>();
        var operation = ContractDescription.GetContract(typeof(ILoginService)).Operations.Single(o => o.Name == "GetSerial");
        var request = operation.Formatter.SerializeRequest([]);
        request.MessageId = new System.Xml.UniqueId();
        request.ReplyTo = WellKnownAddresses.Anonymous;
        request.To = via.AbsoluteUri;
        new BinarySessionWriter().WriteSizedEnvelope(request, output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The first framing record the server sends (an ack, an envelope or a fault), or null when it closes first.</summary>
    public static Task<(FramingRecordType Type, string? Text)?> ReadRecordAsync(Socket socket, CancellationToken cancellationToken) =>
        new RecordReader(socket).ReadAsync(cancellationToken);

    /// <summary>Waits until the server closes the connection (or the attack stops), discarding what it sends.</summary>
    public static async Task WaitForCloseAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken) > 0)
            {
            }
        }
        catch (SocketException)
        {
        }
    }

    /// <summary>Reads the server's records one after another from one socket, keeping what arrived beyond a record.</summary>
    public sealed class RecordReader(Socket socket)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start, _end;

        public async Task<(FramingRecordType Type, string? Text)?> ReadAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var sequence = new ReadOnlySequence<byte>(_buffer, _start, _end - _start);
                if (FramingRecordReader.TryRead(ref sequence, Limits, out var record))
                {
                    _start = _end - (int)sequence.Length;
                    return (record.Type, record.Text);
                }
                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    (_end, _start) = (_end - _start, 0);
                }
                if (_end == _buffer.Length)
                    return null;
                int count;
                try
                {
                    count = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
                }
                catch (SocketException)
                {
                    return null;
                }
                if (count == 0)
                    return null;
                _end += count;
            }
        }

        private static readonly FramingLimits Limits = new() { MaxReceivedMessageSize = 60 * 1024 };
    }
}
