using Ikosa.Bench.ServiceModel;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Ikosa.Bench.Abuse;

/// <summary>The attacks of issue 19, each from its own loopback address, each running until it is told to stop.</summary>
internal static class Attacks
{
    /// <summary>Opens <paramref name="count"/> sockets that never send a byte and keeps them open.</summary>
    public static async Task IdleSocketsAsync(HostChildProcess host, int count, AttackCounters counters, CancellationToken stop)
    {
        var from = Stranger.Address(0, 10);
        var sockets = new ConcurrentBag<Socket>();
        var watchers = new ConcurrentBag<Task>();
        try
        {
            for (var opened = 0; opened < count && !stop.IsCancellationRequested; opened += 100)
            {
                await Task.WhenAll(Enumerable.Range(0, Math.Min(100, count - opened)).Select(async _ =>
                {
                    try
                    {
                        var socket = await Stranger.ConnectAsync(from, host.Port(), stop);
                        counters.Connected();
                        sockets.Add(socket);
                        watchers.Add(WatchAsync(socket));
                    }
                    catch (Exception error) when (error is SocketException or OperationCanceledException)
                    {
                        counters.ConnectFailed();
                    }
                }));
            }
            await Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            foreach (var socket in sockets)
                Stranger.Drop(socket);
            await Task.WhenAll(watchers);
        }

        async Task WatchAsync(Socket socket)
        {
            try
            {
                counters.Answer(await Stranger.ReadRecordAsync(socket, stop));
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary><paramref name="count"/> sockets that never send a byte and reconnect as soon as the host drops them.</summary>
    public static Task ReconnectingIdleSocketsAsync(HostChildProcess host, int count, AttackCounters counters, CancellationToken stop) =>
        LoopsAsync(host, Stranger.Address(0, 11), count, counters, stop, async (socket, _) =>
            counters.Answer(await Stranger.ReadRecordAsync(socket, stop)));

    /// <summary>
    /// <paramref name="count"/> slowloris sockets: the preamble one byte a second, never finished in time; each reconnects
    /// when it is dropped.
    /// </summary>
    public static Task SlowlorisAsync(HostChildProcess host, int count, AttackCounters counters, CancellationToken stop)
    {
        var preamble = Stranger.Preamble(host.LoginAddress());
        return LoopsAsync(host, Stranger.Address(0, 12), count, counters, stop, async (socket, _) =>
        {
            var answer = Stranger.ReadRecordAsync(socket, stop);
            for (var i = 0; i < preamble.Length && !answer.IsCompleted; i++)
            {
                await socket.SendAsync(preamble.AsMemory(i, 1), SocketFlags.None, stop);
                await Task.WhenAny(answer, Task.Delay(TimeSpan.FromSeconds(1), stop));
            }
            counters.Answer(await answer);
        });
    }

    /// <summary><paramref name="count"/> sockets that open a login session and then say nothing; each reconnects when dropped.</summary>
    public static Task SilentSessionsAsync(HostChildProcess host, int count, AttackCounters counters, CancellationToken stop)
    {
        var preamble = Stranger.Preamble(host.LoginAddress());
        return LoopsAsync(host, Stranger.Address(0, 13), count, counters, stop, async (socket, _) =>
        {
            await socket.SendAsync(preamble, SocketFlags.None, stop);
            var answer = await Stranger.ReadRecordAsync(socket, stop);
            counters.Answer(answer);
            if (answer?.Type == Ikosa.ServiceModel.Framing.FramingRecordType.PreambleAck)
                await Stranger.WaitForCloseAsync(socket, stop);
        });
    }

    /// <summary>
    /// A reconnect storm: <paramref name="clients"/> clients, each from an address of its own, connect at once, open a login
    /// session and call GetSerial, then drop; <paramref name="waves"/> times, <paramref name="interval"/> apart.
    /// </summary>
    public static async Task StormAsync(HostChildProcess host, int waves, int clients, TimeSpan interval, AttackCounters counters, CancellationToken stop)
    {
        var opening = Stranger.Preamble(host.LoginAddress()).Concat(Stranger.GetSerialRequest(host.LoginAddress())).ToArray();
        for (var wave = 0; wave < waves && !stop.IsCancellationRequested; wave++)
        {
            var next = Task.Delay(interval, stop);
            await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => OneClientAsync(Stranger.Address(1 + i / 250, 1 + i % 250)))));
            await next.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        await Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);

        async Task OneClientAsync(IPAddress from)
        {
            Socket socket;
            try
            {
                socket = await Stranger.ConnectAsync(from, host.Port(), stop);
            }
            catch (Exception error) when (error is SocketException or OperationCanceledException)
            {
                counters.ConnectFailed();
                return;
            }
            counters.Connected();
            try
            {
                await socket.SendAsync(opening, SocketFlags.None, stop);
                var reader = new Stranger.RecordReader(socket);
                var answer = await reader.ReadAsync(stop);
                counters.Answer(answer);
                if (answer?.Type == Ikosa.ServiceModel.Framing.FramingRecordType.PreambleAck
                    && await reader.ReadAsync(stop) is { Type: Ikosa.ServiceModel.Framing.FramingRecordType.SizedEnvelope })
                    counters.Replied();
            }
            catch (Exception error) when (error is SocketException or OperationCanceledException)
            {
            }
            finally
            {
                Stranger.Drop(socket);
            }
        }
    }

    /// <summary><paramref name="count"/> loops, each connecting from <paramref name="from"/>, running <paramref name="abuse"/>, dropping, and starting over.</summary>
    private static Task LoopsAsync(HostChildProcess host, IPAddress from, int count, AttackCounters counters, CancellationToken stop,
        Func<Socket, CancellationToken, Task> abuse) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await Stranger.ConnectAsync(from, host.Port(), stop);
                }
                catch (Exception error) when (error is SocketException or OperationCanceledException)
                {
                    if (!stop.IsCancellationRequested)
                        counters.ConnectFailed();
                    continue;
                }
                counters.Connected();
                try
                {
                    await abuse(socket, stop);
                }
                catch (Exception error) when (error is SocketException or OperationCanceledException or ObjectDisposedException)
                {
                }
                finally
                {
                    Stranger.Drop(socket);
                }
            }
        })));
}
