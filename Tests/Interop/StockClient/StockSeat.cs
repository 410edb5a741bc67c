using Ikosa.Contracts;

namespace Ikosa.Tests.Interop.StockClient;

/// <summary>
/// One user at the table through Microsoft's WCF client: a login, game and visualization channel (and a master channel
/// when asked for), all calling back into one <see cref="RecordingCallbacks"/>.
/// </summary>
public sealed class StockSeat : IDisposable
{
    private readonly StockEndpoints _endpoints;
    private readonly List<IClientChannel> _channels = new();

    private StockSeat(StockEndpoints endpoints, string user)
    {
        _endpoints = endpoints;
        User = user;
        Login = Open<ILoginService>("login");
        Game = Open<IGameService>("game");
        Visualization = Open<IVisualizationService>("visualization");
    }

    public string User { get; }

    public RecordingCallbacks Callbacks { get; } = new();

    public ILoginService Login { get; private set; }

    public IGameService Game { get; }

    public IVisualizationService Visualization { get; }

    /// <summary>The master channel, once <see cref="OpenMaster"/> opened it.</summary>
    public IMasterService Master { get; private set; } = null!;

    public TicketInfo Ticket { get; private set; } = null!;

    /// <summary>Opens the channels without logging in.</summary>
    public static StockSeat Open(StockEndpoints endpoints, string user) => new(endpoints, user);

    /// <summary>Logs in on the login channel and binds the others (the master channel too, for a master) with the ticket.</summary>
    public async Task<StockSeat> LogInAsync(string password)
    {
        Ticket = await Login.LoginAsync(User, password);
        await Game.BindAsync(Ticket.Ticket);
        await Visualization.BindAsync(Ticket.Ticket);
        if (Ticket.IsMaster)
            await OpenMaster().BindAsync(Ticket.Ticket);
        return this;
    }

    /// <summary>Logs in with a one-time code, choosing <paramref name="newPassword"/>, and binds the others as <see cref="LogInAsync"/> does.</summary>
    public async Task<StockSeat> RedeemCodeAsync(string code, string newPassword)
    {
        Ticket = await Login.RedeemCodeAsync(User, code, newPassword);
        await Game.BindAsync(Ticket.Ticket);
        await Visualization.BindAsync(Ticket.Ticket);
        return this;
    }

    public IMasterService OpenMaster() => Master = Open<IMasterService>("master");

    /// <summary>Drops the login channel as a lost connection would, and opens a new one (not yet resumed).</summary>
    public void ReplaceLoginChannel()
    {
        ((IClientChannel)Login).Abort();
        Login = Open<ILoginService>("login");
    }

    /// <summary>Closes every channel gracefully (End both ways, as a client that quits does); returns their states.</summary>
    public IReadOnlyList<CommunicationState> Close()
    {
        foreach (var channel in _channels.Where(c => c.State == CommunicationState.Opened))
            channel.Close(TimeSpan.FromSeconds(30));
        return _channels.Select(c => c.State).ToList();
    }

    /// <summary>Completes when the login channel closes or faults (already, or within the timeout), with which of the two came first.</summary>
    public Task<CommunicationState> LoginChannelEndedAsync() => ChannelEndedAsync(Login);

    /// <summary>How <paramref name="proxy"/>'s channel ended (Closed in order, or Faulted), once it has.</summary>
    public static async Task<CommunicationState> ChannelEndedAsync(object proxy)
    {
        var channel = (IClientChannel)proxy;
        var ended = new TaskCompletionSource<CommunicationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        channel.Closed += (_, _) => ended.TrySetResult(CommunicationState.Closed);
        channel.Faulted += (_, _) => ended.TrySetResult(CommunicationState.Faulted);
        if (channel.State is CommunicationState.Closed or CommunicationState.Faulted)
            ended.TrySetResult(channel.State);
        return await ended.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
            channel.Abort();
    }

    private T Open<T>(string endpoint) where T : class
    {
        var channel = _endpoints.Open<T>(endpoint, Callbacks);
        _channels.Add((IClientChannel)channel);
        return channel;
    }
}
