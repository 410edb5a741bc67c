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
/// Opens many sessions that then sit idle, and measures the managed memory each one costs. The clients are bare
/// sockets that send a preamble and one Echo request (so the session's dictionaries and instance exist) and keep
/// the connection open; they cost what a raw connection costs, measured first as the baseline: the same number
/// of bare loopback connections to a listener that only accepts and waits.
/// </summary>
public sealed class IdleSessionsBenchmark : IBenchmark
{
    // No more sessions opening at once than the binding's MaxConnections (10 by default, as in WCF): the host answers
    // any beyond that with ServerTooBusy, as it should.
    private const int OpenAtOnce = 10;

    public string Name => "sm-sessions";

    public string Description => "managed memory per idle session (2,000 sessions) vs bare loopback connections [sessions, default 2000]";

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        var sessions = args.Count > 0 && int.TryParse(args[0], out var n) ? n : Targets.ConcurrentSessions;

        await using (var pingPong = RawPingPong.Start())
        {
            var raw = await RoundTrips.MeasureAsync([await pingPong.ConnectAsync()], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
            Console.WriteLine($"  raw ping-pong, 1 connection (for reference): {raw}");
        }

        var rawPerConnection = await MeasureRawConnectionsAsync(sessions);
        Console.WriteLine($"  bare loopback connection (both ends):   {rawPerConnection,9:N0} bytes each ({sessions:N0} open)");

        await using var host = await BenchHost.StartAsync(maxSessions: sessions + 10);
        var opening = SessionOpeningBytes(host.Address);
        await OpenSessionsAsync(host.Port, opening, 10, new List<Socket>());
        var clients = new List<Socket>(sessions);
        var before = ManagedMemory();
        await OpenSessionsAsync(host.Port, opening, sessions, clients);
        var perSession = (ManagedMemory() - before) / (double)sessions;
        Console.WriteLine($"  idle net.tcp session (host + bare client): {perSession,9:N0} bytes each ({clients.Count:N0} open)");
        Console.WriteLine($"  of which the host's session, beyond a bare connection: {perSession - rawPerConnection:N0} bytes");
        Console.WriteLine(Targets.AtMost("managed bytes per session (host + bare client)", perSession, Targets.BytesPerSession, "N0"));

        foreach (var client in clients)
            client.Dispose();
    }

    private static async Task<double> MeasureRawConnectionsAsync(int count)
    {
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1024);
        var accepted = new List<Socket>(count);
        var clients = new List<Socket>(count);
        var before = ManagedMemory();
        var accepting = Task.Run(async () =>
        {
            var buffer = new byte[1];
            for (var i = 0; i < count; i++)
            {
                var server = await listener.AcceptAsync();
                accepted.Add(server);
                // Like a server waiting for the next request: one receive pending per connection.
                _ = server.ReceiveAsync(buffer, SocketFlags.None);
            }
        });
        for (var i = 0; i < count; i++)
        {
            var client = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await client.ConnectAsync(listener.LocalEndPoint!);
            clients.Add(client);
        }
        await accepting;
        var perConnection = (ManagedMemory() - before) / (double)count;
        foreach (var socket in accepted.Concat(clients))
            socket.Dispose();
        return perConnection;
    }

    /// <summary>Preamble, PreambleEnd and an Echo request, exactly as our client would send them to open a session.</summary>
    private static byte[] SessionOpeningBytes(Uri address)
    {
        var output = new ArrayBufferWriter<byte>();
        FramingRecordWriter.WritePreamble(output, address.AbsoluteUri);
        FramingRecordWriter.WritePreambleEnd(output);
        var echo = ContractDescription.GetContract(typeof(IBenchService)).Operations.Single(o => o.Name == "Echo");
        var request = echo.Formatter.SerializeRequest([1, "open"]);
        request.MessageId = new UniqueId();
        request.ReplyTo = WellKnownAddresses.Anonymous;
        request.To = address.AbsoluteUri;
        new BinarySessionWriter().WriteSizedEnvelope(request, output);
        return output.WrittenSpan.ToArray();
    }

    private static async Task OpenSessionsAsync(int port, byte[] opening, int count, List<Socket> clients)
    {
        for (var started = 0; started < count; started += OpenAtOnce)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(OpenAtOnce, count - started)).Select(_ => OpenSessionAsync(port, opening)));
            clients.AddRange(batch);
        }
    }

    /// <summary>Connects, opens the session, and reads the PreambleAck and the Echo reply.</summary>
    private static async Task<Socket> OpenSessionAsync(int port, byte[] opening)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        await socket.SendAsync(opening, SocketFlags.None);
        var buffer = new byte[4096];
        var received = 0;
        while (true)
        {
            var count = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None);
            if (count == 0)
            {
                var seen = new ReadOnlySequence<byte>(buffer, 0, received);
                var first = FramingRecordReader.TryRead(ref seen, FramingLimits.Default, out var record) ? $"{record.Type} {record.Text}" : "nothing";
                throw new InvalidOperationException($"The host closed a session while it was being opened (it sent {first}).");
            }
            received += count;
            var sequence = new ReadOnlySequence<byte>(buffer, 0, received);
            if (FramingRecordReader.TryRead(ref sequence, FramingLimits.Default, out var ack) && ack.Type == FramingRecordType.PreambleAck
                && FramingRecordReader.TryRead(ref sequence, FramingLimits.Default, out var reply))
            {
                if (reply.Type != FramingRecordType.SizedEnvelope)
                    throw new InvalidOperationException($"The host answered the opening Echo with {reply.Type}.");
                return socket;
            }
        }
    }

    private static long ManagedMemory() => GC.GetTotalMemory(forceFullCollection: true);
}
