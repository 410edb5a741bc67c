using System.Net;
using System.Net.Sockets;

namespace Ikosa.Bench.ServiceModel;

/// <summary>
/// The baseline: a minimal 4-byte ping-pong over loopback TCP with async sockets on both sides, no framing, no
/// encoding. What a request/reply over one connection costs when nothing but the socket is involved.
/// </summary>
public sealed class RawPingPong : IAsyncDisposable
{
    private const int MessageSize = 4;
    private readonly Socket _listener = new(SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _sockets = new();
    private readonly CancellationTokenSource _stop = new();

    private RawPingPong()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        _ = AcceptLoopAsync();
    }

    public static RawPingPong Start() => new();

    /// <summary>A connected client; each call of the returned function is one round trip.</summary>
    public async Task<Func<Task>> ConnectAsync()
    {
        var client = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await client.ConnectAsync(_listener.LocalEndPoint!);
        lock (_sockets)
            _sockets.Add(client);
        var ping = new byte[MessageSize];
        var pong = new byte[MessageSize];
        return async () =>
        {
            await client.SendAsync(ping, SocketFlags.None);
            await ReceiveExactlyAsync(client, pong);
        };
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var server = await _listener.AcceptAsync(_stop.Token);
                server.NoDelay = true;
                lock (_sockets)
                    _sockets.Add(server);
                _ = EchoLoopAsync(server);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private static async Task EchoLoopAsync(Socket server)
    {
        var buffer = new byte[MessageSize];
        try
        {
            while (await ReceiveExactlyAsync(server, buffer))
                await server.SendAsync(buffer, SocketFlags.None);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
        }
    }

    private static async Task<bool> ReceiveExactlyAsync(Socket socket, byte[] buffer)
    {
        var received = 0;
        while (received < buffer.Length)
        {
            var count = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None);
            if (count == 0)
                return false;
            received += count;
        }
        return true;
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        lock (_sockets)
            foreach (var socket in _sockets)
                socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
