using Ikosa.Contracts;
using Ikosa.ServiceModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Client.Library;

/// <summary>
/// A player's or game master's connection to an Ikosa host: the four channels, the login, the batches as events, and
/// reconnection with resume when the connection drops (the host keeps the seat for a while).
/// </summary>
public sealed class IkosaClient : IAsyncDisposable
{
    private readonly IkosaClientOptions _options;
    private readonly ILogger _logger;
    private readonly ClientCallbacks _callbacks;
    private readonly object _gate = new();
    private readonly List<IClientChannel> _channels = new();
    private (string User, string Password)? _credentials;
    private bool _disposed;
    private int _reconnecting;
    private int _sessionEnded;

    public IkosaClient(IkosaClientOptions options, ILoggerFactory? loggers = null)
    {
        _options = options;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<IkosaClient>();
        _callbacks = new ClientCallbacks(this);
    }

    public ILoginService Login { get; private set; } = null!;

    public IGameService Game { get; private set; } = null!;

    public IVisualizationService Visualization { get; private set; } = null!;

    /// <summary>The master channel; null for player users.</summary>
    public IMasterService? Master { get; private set; }

    public TicketInfo? Ticket { get; private set; }

    /// <summary>The serial of the last batch received: what a resume asks the host to continue after.</summary>
    public long LastSerial { get; private set; }

    /// <summary>Each batch once, in serial order (repeats after a resume are dropped).</summary>
    public event Action<BatchInfo>? BatchReceived;

    public event Action<string>? SessionEnded;

    /// <summary>Raised after an automatic reconnect and resume succeeded.</summary>
    public event Action? Reconnected;

    /// <summary>Raised when the connection dropped and could not be resumed.</summary>
    public event Action<Exception>? ConnectionLost;

    public async Task<TicketInfo> LoginAsync(string user, string password)
    {
        OpenChannels();
        var ticket = await Login.LoginAsync(user, password).ConfigureAwait(false);
        _credentials = (user, password);
        Ticket = ticket;
        Interlocked.Exchange(ref _sessionEnded, 0);
        LastSerial = ticket.Serial;
        await BindOthersAsync(ticket).ConfigureAwait(false);
        return ticket;
    }

    public async Task LogoutAsync()
    {
        Ticket = null;
        try
        {
            await Login.LogoutAsync().ConfigureAwait(false);
        }
        finally
        {
            CloseChannels();
        }
    }

    /// <summary>Drops the connection without logging out, as a crash or network loss would (tests, diagnostics).</summary>
    public void SimulateConnectionLoss()
    {
        IClientChannel login;
        lock (_gate)
        {
            login = (IClientChannel)Login;
            foreach (var channel in _channels)
                channel.Abort();
        }
        // An abort of our own closes the channels rather than faulting them, so start the reconnect here.
        _ = ReconnectAsync(login);
    }

    /// <summary>Opens new channels and resumes the login from <see cref="LastSerial"/>.</summary>
    public async Task ResumeAsync()
    {
        var ticket = Ticket ?? throw new InvalidOperationException("Log in first.");
        CloseChannels();
        OpenChannels();
        Ticket = await Login.ResumeAsync(ticket.Ticket, LastSerial).ConfigureAwait(false);
        await BindOthersAsync(Ticket).ConfigureAwait(false);
    }

    /// <summary>
    /// Comes back after a dropped connection: resumes the login when the host still knows it; when it does not (the host
    /// restarted, or the seat's grace period ran out) logs in again and tells the listeners to refetch everything.
    /// </summary>
    public async Task RecoverAsync()
    {
        try
        {
            await ResumeAsync().ConfigureAwait(false);
        }
        catch (FaultException<AccessDeniedFault>) when (_credentials is { } credentials)
        {
            _logger.LogInformation("The host no longer knows our login; logging in again as {User}", credentials.User);
            CloseChannels();
            var ticket = await LoginAsync(credentials.User, credentials.Password).ConfigureAwait(false);
            Deliver(new BatchInfo { Serial = ticket.Serial, Refetch = true });
        }
    }

    internal void Deliver(BatchInfo batch)
    {
        // A host notice stands outside the numbered stream: it is shown, and neither advances nor repeats a serial.
        if (!batch.Notice && !Advance(batch))
            return;
        BatchReceived?.Invoke(batch);
    }

    /// <summary>Moves <see cref="LastSerial"/> to the batch's serial; false for a batch already seen.</summary>
    private bool Advance(BatchInfo batch)
    {
        lock (_gate)
        {
            if (!batch.Refetch && batch.Serial <= LastSerial)
                return false;
            LastSerial = batch.Serial;
            return true;
        }
    }

    /// <summary>The host tells every channel of a login that it ended; the client hears it once per login.</summary>
    internal void OnSessionEnded(string reason)
    {
        if (Interlocked.Exchange(ref _sessionEnded, 1) == 1)
            return;
        Ticket = null;
        SessionEnded?.Invoke(reason);
    }

    private void OpenChannels()
    {
        lock (_gate)
        {
            Login = Create<ILoginService>("login");
            Game = Create<IGameService>("game");
            Visualization = Create<IVisualizationService>("visualization");
            Master = null;
            var login = (IClientChannel)Login;
            login.Faulted += (_, _) => _ = ReconnectAsync(login);
        }
    }

    private async Task BindOthersAsync(TicketInfo ticket)
    {
        await Task.WhenAll(Game.BindAsync(ticket.Ticket), Visualization.BindAsync(ticket.Ticket)).ConfigureAwait(false);
        if (ticket.IsMaster)
        {
            var master = Create<IMasterService>("master");
            await master.BindAsync(ticket.Ticket).ConfigureAwait(false);
            Master = master;
        }
    }

    private T Create<T>(string path) where T : class
    {
        var factory = new DuplexChannelFactory<T>(_callbacks, _options.Binding, new EndpointAddress(new Uri(_options.BaseAddress, path)));
        if (_options.TrustedCertificateThumbprint is { } thumbprint)
            factory.ServerCertificate.TrustedCertificateThumbprint = thumbprint;
        var proxy = factory.CreateChannel();
        lock (_gate)
            _channels.Add((IClientChannel)proxy);
        return proxy;
    }

    /// <summary>The login channel faulted: try to come back with the ticket a few times, waiting longer each time.</summary>
    private async Task ReconnectAsync(IClientChannel failed)
    {
        if (_disposed || Ticket is null || !_options.Reconnect || Interlocked.Exchange(ref _reconnecting, 1) == 1)
            return;
        try
        {
            var delay = _options.FirstReconnectDelay;
            for (var attempt = 1; attempt <= _options.ReconnectAttempts && !_disposed; attempt++)
            {
                try
                {
                    await Task.Delay(delay).ConfigureAwait(false);
                    await RecoverAsync().ConfigureAwait(false);
                    _logger.LogInformation("Reconnected and resumed after serial {Serial}", LastSerial);
                    Reconnected?.Invoke();
                    return;
                }
                catch (Exception error) when (error is CommunicationException or TimeoutException)
                {
                    _logger.LogInformation("Reconnect attempt {Attempt} failed: {Reason}", attempt, error.Message);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                }
            }
            ConnectionLost?.Invoke(new CommunicationException($"Could not reconnect to {_options.BaseAddress} after {_options.ReconnectAttempts} attempts."));
        }
        finally
        {
            Interlocked.Exchange(ref _reconnecting, 0);
        }
    }

    private void CloseChannels()
    {
        List<IClientChannel> channels;
        lock (_gate)
        {
            channels = _channels.ToList();
            _channels.Clear();
        }
        foreach (var channel in channels)
        {
            if (channel.State == CommunicationState.Opened)
            {
                try
                {
                    channel.Close();
                    continue;
                }
                catch (Exception error) when (error is CommunicationException or TimeoutException)
                {
                }
            }
            channel.Abort();
        }
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        CloseChannels();
        return ValueTask.CompletedTask;
    }
}

public sealed record IkosaClientOptions
{
    /// <summary>The host's base address, e.g. net.tcp://localhost:8765/ikosa/ (the endpoints are login, game, visualization, master).</summary>
    public required Uri BaseAddress { get; init; }

    public NetTcpBinding Binding { get; init; } = new() { ReceiveTimeout = TimeSpan.FromHours(4) };

    /// <summary>For a host using a self-signed certificate (TLS): trust exactly this one (SHA-1 or SHA-256 thumbprint).</summary>
    public string? TrustedCertificateThumbprint { get; init; }

    public bool Reconnect { get; init; } = true;

    public int ReconnectAttempts { get; init; } = 8;

    public TimeSpan FirstReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);
}
