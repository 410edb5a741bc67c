using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Encoding;
using Ikosa.ServiceModel.Framing;

namespace Ikosa.Tests.ServiceModel.Runtime;

/// <summary>A byte-level net.tcp peer for tests: sends exact bytes and reads the server's records one by one.</summary>
public sealed class RawConnection : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly FramingLimits Unlimited = new() { MaxReceivedMessageSize = int.MaxValue, MaxFaultSize = 4096 };
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;

    private RawConnection(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _input = PipeReader.Create(_stream);
    }

    /// <summary>Decodes the server's envelopes; replace it when a new session starts on the connection.</summary>
    public BinarySessionReader Reader { get; set; } = new();

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>, from <paramref name="from"/> when given (any 127.x.y.z is loopback on Linux).</summary>
    public static async Task<RawConnection> ConnectAsync(int port, IPAddress? from = null)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (from is not null)
                socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(IPAddress.Loopback, port);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new RawConnection(socket);
    }

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>Closes our sending side (a FIN), as a client that stops talking would.</summary>
    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>The next whole record the server sent, or null when it closed the connection.</summary>
    public async Task<ReceivedRecord?> ReadRecordAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _input.ReadAsync(cancel.Token);
            }
            catch (IOException)
            {
                return null;
            }
            var buffer = result.Buffer;
            if (FramingRecordReader.TryRead(ref buffer, Unlimited, out var record))
            {
                var received = new ReceivedRecord(record.Type, record.Text, record.Payload.ToArray());
                _input.AdvanceTo(buffer.Start);
                return received;
            }
            _input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
                return null;
        }
    }

    /// <summary>The next record, which must be a sized envelope, decoded with this connection's reader session.</summary>
    public async Task<Message> ReadMessageAsync()
    {
        var record = await ReadRecordAsync() ?? throw new InvalidOperationException("The server closed the connection.");
        Assert.Equal(FramingRecordType.SizedEnvelope, record.Type);
        return Reader.ReadMessage(record.Payload, 0, record.Payload.Length);
    }

    /// <summary>True when the server closes the connection within the timeout (discarding anything it still sends).</summary>
    public async Task<bool> ClosedByServerAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync(cancel.Token);
                _input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                    return true;
            }
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _input.CompleteAsync();
        await _stream.DisposeAsync();
    }
}

public sealed record ReceivedRecord(FramingRecordType Type, string? Text, byte[] Payload);
