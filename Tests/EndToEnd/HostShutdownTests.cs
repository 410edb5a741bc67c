using Ikosa.Client.Library;
using Ikosa.Engine.Model;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// Ctrl+C on the host process (issue 19 §6, issue 13 §3.9): every logged-in client is told the host is shutting down
/// before its connection closes, and the host stops quietly — no stack trace, exit code 0. A client that reconnects
/// waits for the host to be started again and logs in by itself.
/// </summary>
public sealed class HostShutdownTests : IDisposable
{
    private static readonly Dictionary<string, string> Passwords = new() { ["gm"] = "gm-shutdown", ["alice"] = "alice-shutdown" };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ikosa-shutdown-" + Guid.NewGuid().ToString("N"));
    private readonly List<IkosaClient> _clients = new();

    [Fact]
    public async Task Ctrl_C_tells_every_client_the_host_is_shutting_down_and_exits_quietly()
    {
        Directory.CreateDirectory(_folder);
        using var host = await HostProcess.StartAsync(Path.Combine(_folder, "game.ikosa"), HostProcess.FreePort(), Passwords);
        // The game master hears of players leaving: that is what used to fail once the game had closed.
        var gmEnded = await LoginAsync(host, "gm");
        var aliceEnded = await LoginAsync(host, "alice", EntityId.Named("sample:tordek").Value);

        var exitCode = await host.InterruptAsync();

        Assert.Equal("the host is shutting down", await gmEnded.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("the host is shutting down", await aliceEnded.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(exitCode == 0, $"exit code {exitCode}{Environment.NewLine}{host.Output}");
        Assert.DoesNotContain("Exception", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
        Assert.Contains("Telling 2 logged-in clients: the host is shutting down", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_reconnects_waits_for_the_restarted_host_and_plays_on()
    {
        Directory.CreateDirectory(_folder);
        var gameFile = Path.Combine(_folder, "game.ikosa");
        var port = HostProcess.FreePort();
        var tordek = EntityId.Named("sample:tordek").Value;
        var host = await HostProcess.StartAsync(gameFile, port, Passwords);
        var alice = new IkosaClient(new IkosaClientOptions
        {
            BaseAddress = host.BaseAddress, FirstReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1), ReconnectAttempts = 200,
        });
        _clients.Add(alice);
        var interrupted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = false;
        alice.ConnectionInterrupted += error => interrupted.TrySetResult(error.Message);
        alice.Reconnected += () => back.TrySetResult();
        alice.SessionEnded += _ => ended = true;
        alice.ConnectionLost += error => back.TrySetException(error);
        await alice.LoginAsync("alice", Passwords["alice"]);
        await alice.Login.SelectCharactersAsync([tordek], []);

        using (host)
            Assert.Equal(0, await host.InterruptAsync());
        Assert.StartsWith("the host is shutting down", await interrupted.Task.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        using var restarted = await HostProcess.StartAsync(gameFile, port, Passwords);
        await back.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(ended, "the session was reported ended although the client came back");
        Assert.Equal("alice", alice.Ticket!.UserName);
        Assert.Equal(tordek, (await alice.Game.GetCreatureAsync(tordek)).Id);
        Assert.Contains(await alice.Login.GetCharactersAsync(), c => c.Id == tordek && c.PlayedBy == "alice");
    }

    /// <summary>Logs in; the task completes with the reason the host gives when it ends the session.</summary>
    private async Task<Task<string>> LoginAsync(HostProcess host, string user, params Guid[] characters)
    {
        var client = new IkosaClient(new IkosaClientOptions { BaseAddress = host.BaseAddress, Reconnect = false });
        _clients.Add(client);
        var ended = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.SessionEnded += reason => ended.TrySetResult(reason);
        await client.LoginAsync(user, Passwords[user]);
        if (characters.Length > 0)
            await client.Login.SelectCharactersAsync(characters.ToList(), []);
        return ended.Task;
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
