using Ikosa.Client.Library;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// Issue 13 §3.8: a client notices within seconds that its host is gone — killed (its connection closes) or frozen
/// (it stops answering the client's heartbeat) — says so, and comes back by itself once a host answers on that port.
/// </summary>
public sealed class HostGoneTests : IDisposable
{
    private static readonly Dictionary<string, string> Passwords = new() { ["alice"] = "alice-gone" };
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ikosa-gone-" + Guid.NewGuid().ToString("N"));
    private readonly List<IkosaClient> _clients = new();

    public HostGoneTests() => Directory.CreateDirectory(_folder);

    private string Data => Path.Combine(_folder, "game.ikosa");

    [Fact]
    public async Task A_killed_host_is_noticed_at_once_and_the_client_is_back_when_a_host_listens_on_the_port_again()
    {
        var port = HostProcess.FreePort();
        using var host = await HostProcess.StartAsync(Data, port, Passwords);
        var (client, interrupted, reconnected) = await LoginAsync(host, heartbeat: null);

        await host.KillAsync();
        await interrupted.WaitAsync(Bound);
        Assert.False(reconnected.IsCompleted);

        using var restarted = await HostProcess.StartAsync(Data, port);
        await reconnected.WaitAsync(Bound);
        // The new host did not know the old ticket: the client logged in again.
        Assert.Contains(await client.Login.GetUsersAsync(), user => user.Name == "alice" && user.IsOnline);
    }

    [Fact]
    public async Task A_frozen_host_is_noticed_by_the_heartbeat_and_the_client_resumes_when_it_answers_again()
    {
        using var host = await HostProcess.StartAsync(Data, HostProcess.FreePort(), Passwords);
        var (client, interrupted, reconnected) = await LoginAsync(host, heartbeat: TimeSpan.FromSeconds(1));
        var ticket = client.Ticket!.Ticket;

        await host.SignalAsync("STOP");
        try
        {
            var reason = await interrupted.WaitAsync(Bound);
            Assert.IsType<TimeoutException>(reason);
        }
        finally
        {
            await host.SignalAsync("CONT");
        }

        await reconnected.WaitAsync(Bound);
        // The host kept the seat: the ticket was resumed, not replaced by a new login.
        Assert.Equal(ticket, client.Ticket!.Ticket);
        Assert.Contains(await client.Login.GetUsersAsync(), user => user.Name == "alice" && user.IsOnline);
    }

    private async Task<(IkosaClient Client, Task<Exception> Interrupted, Task Reconnected)> LoginAsync(HostProcess host, TimeSpan? heartbeat)
    {
        var client = new IkosaClient(new IkosaClientOptions
        {
            BaseAddress = host.BaseAddress,
            FirstReconnectDelay = TimeSpan.FromMilliseconds(100),
            MaxReconnectDelay = TimeSpan.FromSeconds(1),
            ReconnectAttempts = 600,
            HeartbeatInterval = heartbeat,
            HeartbeatTimeout = TimeSpan.FromSeconds(2),
        });
        _clients.Add(client);
        var interrupted = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionInterrupted += reason => interrupted.TrySetResult(reason);
        client.Reconnected += () => reconnected.TrySetResult();
        await client.LoginAsync("alice", Passwords["alice"]);
        return (client, interrupted.Task, reconnected.Task);
    }

    public void Dispose()
    {
        foreach (var client in _clients)
            client.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
