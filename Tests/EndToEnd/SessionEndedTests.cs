using System.Collections.Concurrent;
using Ikosa.Client.Library;
using Ikosa.Contracts;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// When a login ends (kicked, logged out, replaced), the host says so with OnSessionEnded on every channel the login has
/// bound — login, game, visualization, master — and closes them; the client library tells its user once.
/// </summary>
public class SessionEndedTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_kicked_login_is_told_on_every_channel_it_bound_and_each_is_closed()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var told = new Told(3);
        var login = Open<ILoginService>(game, "login", told);
        var ticket = await login.LoginAsync("alice", LoopbackGame.PasswordOf("alice"));
        var gameChannel = Open<IGameService>(game, "game", told);
        await gameChannel.BindAsync(ticket.Ticket);
        var view = Open<IVisualizationService>(game, "visualization", told);
        await view.BindAsync(ticket.Ticket);

        Assert.True((await gm.Client.Master!.KickUserAsync("alice")).Accepted);

        await told.All.WaitAsync(Deadline);
        await Task.WhenAll(new object[] { login, gameChannel, view }.Select(WhenClosedByHostAsync)).WaitAsync(Deadline);
        Assert.Equal(["game: kicked by the game master", "login: kicked by the game master", "visualization: kicked by the game master"], told.Lines.Order());
    }

    [Fact]
    public async Task A_replaced_masters_login_is_told_on_its_master_channel_too()
    {
        await using var game = await LoopbackGame.StartAsync();
        var told = new Told(2);
        var login = Open<ILoginService>(game, "login", told);
        var ticket = await login.LoginAsync("gm", LoopbackGame.PasswordOf("gm"));
        var master = Open<IMasterService>(game, "master", told);
        await master.BindAsync(ticket.Ticket);

        var second = await game.LoginAsync("gm"); // the same user logs in elsewhere: the first login ends

        await told.All.WaitAsync(Deadline);
        await Task.WhenAll(WhenClosedByHostAsync(login), WhenClosedByHostAsync(master)).WaitAsync(Deadline);
        Assert.Equal(["login: logged in from another client", "master: logged in from another client"], told.Lines.Order());
        await Assert.ThrowsAnyAsync<CommunicationException>(() => master.SetPausedAsync(true));
        Assert.True((await second.Client.Master!.SetPausedAsync(true)).Accepted);
    }

    [Fact]
    public async Task The_client_library_raises_SessionEnded_once_though_every_channel_says_so()
    {
        await using var client = new IkosaClient(new IkosaClientOptions { BaseAddress = new Uri("net.tcp://127.0.0.1:1/ikosa/"), Reconnect = false });
        var ended = new List<string>();
        client.SessionEnded += ended.Add;
        var callbacks = new ClientCallbacks(client);

        await ((ILoginCallback)callbacks).OnSessionEndedAsync("kicked by the game master");
        await ((IGameCallback)callbacks).OnSessionEndedAsync("kicked by the game master");
        await ((IVisualizationCallback)callbacks).OnSessionEndedAsync("kicked by the game master");
        await ((IMasterCallback)callbacks).OnSessionEndedAsync("kicked by the game master");

        Assert.Equal(["kicked by the game master"], ended);
    }

    /// <summary>Completes when the host has closed <paramref name="channel"/> (our client sees a session it did not end as faulted).</summary>
    internal static Task WhenClosedByHostAsync(object channel)
    {
        var communication = (ICommunicationObject)channel;
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        communication.Closed += (_, _) => closed.TrySetResult();
        communication.Faulted += (_, _) => closed.TrySetResult();
        if (communication.State is CommunicationState.Closed or CommunicationState.Faulted)
            closed.TrySetResult();
        return closed.Task;
    }

    private static T Open<T>(LoopbackGame game, string path, Told told) where T : class =>
        new DuplexChannelFactory<T>(new Recorder(path, told), LoopbackGame.HostLimits(), new EndpointAddress(new Uri(game.BaseAddress, path))).CreateChannel();

    /// <summary>The OnSessionEnded calls the channels received, as "channel: reason"; <see cref="All"/> completes at the expected count.</summary>
    private sealed class Told(int expected)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string> Lines { get; } = new();

        public Task All => _all.Task;

        public void Add(string line)
        {
            Lines.Enqueue(line);
            if (Lines.Count >= expected)
                _all.TrySetResult();
        }
    }

    private sealed class Recorder(string channel, Told told) : ILoginCallback, IGameCallback, IVisualizationCallback, IMasterCallback
    {
        public Task OnBatchAsync(BatchInfo batch) => Task.CompletedTask;

        public Task OnSessionEndedAsync(string reason)
        {
            told.Add($"{channel}: {reason}");
            return Task.CompletedTask;
        }
    }
}
