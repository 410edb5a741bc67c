using Ikosa.Client.Library.Trust;
using Ikosa.Contracts;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Configuration;
using Ikosa.ServiceModel.Description;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Client.Library;

/// <summary>
/// A player's or game master's connection to an Ikosa host: the four channels, the login, the batches as events, and
/// reconnection with resume when the connection drops (the host keeps the seat for a while). A host too busy to take a
/// new session is tried again after a jittered backoff; a host that stops answering is noticed within a few seconds
/// (<see cref="IkosaClientOptions.HeartbeatInterval"/>).
/// </summary>
public sealed class IkosaClient : IAsyncDisposable
{
    private readonly IkosaClientOptions _options;
    private readonly ILogger _logger;
    private readonly ClientCallbacks _callbacks;
    private readonly NotificationResolver _resolver;
    private readonly object _gate = new();
    private readonly List<(Type Type, Action<NotificationInfo> Handler)> _handlers = new();
    private readonly List<IClientChannel> _channels = new();
    private (string User, string Password)? _credentials;
    private bool _disposed;
    private int _reconnecting;
    private int _sessionEnded;
    private CancellationTokenSource? _heartbeat;
    private int _delivering;
    private int _heartbeatRounds;

    /// <summary>Heartbeat checks done so far, answered or waited out (for tests).</summary>
    internal int HeartbeatRounds => Volatile.Read(ref _heartbeatRounds);

    public IkosaClient(IkosaClientOptions options, ILoggerFactory? loggers = null)
    {
        _options = options;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<IkosaClient>();
        _callbacks = new ClientCallbacks(this);
        _resolver = new NotificationResolver(options.NotificationContracts);
        Views = new ViewReader(() => Visualization);
    }

    public ILoginService Login { get; private set; } = null!;

    public IGameService Game { get; private set; } = null!;

    public IVisualizationService Visualization { get; private set; } = null!;

    /// <summary>Views read so that their cells travel only when they changed.</summary>
    public ViewReader Views { get; }

    /// <summary>The master channel; null for player users.</summary>
    public IMasterService? Master { get; private set; }

    public TicketInfo? Ticket { get; private set; }

    /// <summary>The serial of the last batch received: what a resume asks the host to continue after.</summary>
    public long LastSerial { get; private set; }

    /// <summary>Each batch once, in serial order (repeats after a resume are dropped).</summary>
    public event Action<BatchInfo>? BatchReceived;

    /// <summary>
    /// Each notification of each batch, in order, after <see cref="BatchReceived"/>: its typed contract (e.g.
    /// <see cref="CreatureMovedInfo"/>), or an <see cref="UnknownNotificationInfo"/> for a kind this client was not given.
    /// </summary>
    public event Action<NotificationInfo>? NotificationReceived;

    public event Action<string>? SessionEnded;

    /// <summary>
    /// Raised at once when the connection to the host drops or the host stops answering, with the reason; the client is
    /// reconnecting (when <see cref="IkosaClientOptions.Reconnect"/> is set). <see cref="Reconnected"/> or
    /// <see cref="ConnectionLost"/> follows.
    /// </summary>
    public event Action<Exception>? ConnectionInterrupted;

    /// <summary>Raised after an automatic reconnect and resume succeeded.</summary>
    public event Action? Reconnected;

    /// <summary>Raised when the connection dropped and could not be resumed.</summary>
    public event Action<Exception>? ConnectionLost;

    /// <summary>
    /// Logs in. The connection is opened first, so that under TLS the host's certificate is checked (and, with
    /// <see cref="IkosaClientOptions.Trust"/>, decided on) before the password is sent: a host that is not the trusted
    /// one gets nothing (<see cref="HostTrustException"/>).
    /// </summary>
    public Task<TicketInfo> LoginAsync(string user, string password) =>
        StartAsync(user, password, () => Login.LoginAsync(user, password));

    /// <summary>
    /// Exchanges the one-time code the game master handed out for <paramref name="newPassword"/>, and logs in with it
    /// (the same checks of the host first as <see cref="LoginAsync"/>).
    /// </summary>
    public Task<TicketInfo> RedeemCodeAsync(string user, string code, string newPassword) =>
        StartAsync(user, newPassword, () => Login.RedeemCodeAsync(user, code, newPassword));

    private async Task<TicketInfo> StartAsync(string user, string password, Func<Task<TicketInfo>> login)
    {
        var ticket = await WhenNotBusyAsync(async () =>
        {
            await OpenTrustedLoginChannelAsync().ConfigureAwait(false);
            return await login().ConfigureAwait(false);
        }).ConfigureAwait(false);
        _credentials = (user, password);
        Ticket = ticket;
        Interlocked.Exchange(ref _sessionEnded, 0);
        LastSerial = ticket.Serial;
        await BindOthersAsync(ticket).ConfigureAwait(false);
        StartHeartbeat();
        return ticket;
    }

    public async Task LogoutAsync()
    {
        StopHeartbeat();
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
        _ = ReconnectAsync(new CommunicationException("The connection was dropped."));
    }

    /// <summary>Opens new channels and resumes the login from <see cref="LastSerial"/>.</summary>
    public async Task ResumeAsync()
    {
        var ticket = Ticket ?? throw new InvalidOperationException("Log in first.");
        StopHeartbeat();
        CloseChannels();
        Ticket = await WhenNotBusyAsync(async () =>
        {
            await OpenTrustedLoginChannelAsync().ConfigureAwait(false);
            return await Login.ResumeAsync(ticket.Ticket, LastSerial).ConfigureAwait(false);
        }).ConfigureAwait(false);
        await BindOthersAsync(Ticket).ConfigureAwait(false);
        StartHeartbeat();
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

    /// <summary>
    /// Calls <paramref name="handler"/> for every notification of type <typeparamref name="T"/> (or derived from it), in
    /// batch order; dispose the result to stop.
    /// </summary>
    public IDisposable On<T>(Action<T> handler) where T : NotificationInfo
    {
        var entry = (typeof(T), (Action<NotificationInfo>)(n => handler((T)n)));
        lock (_handlers)
            _handlers.Add(entry);
        return new Subscription(() =>
        {
            lock (_handlers)
                _handlers.Remove(entry);
        });
    }

    internal void Deliver(BatchInfo batch)
    {
        // A host notice stands outside the numbered stream: it is shown, and neither advances nor repeats a serial.
        if (!batch.Notice && !Advance(batch))
            return;
        Interlocked.Increment(ref _delivering);
        try
        {
            BatchReceived?.Invoke(batch);
            foreach (var item in batch.Items)
            {
                NotificationReceived?.Invoke(item);
                List<(Type Type, Action<NotificationInfo> Handler)> handlers;
                lock (_handlers)
                    handlers = _handlers.Where(h => h.Type.IsInstanceOfType(item)).ToList();
                foreach (var (_, handler) in handlers)
                    handler(item);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _delivering);
        }
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

    /// <summary>
    /// The host tells every channel of a login that it ended; the client hears it once per login. A host shutting down is
    /// usually started again: with <see cref="IkosaClientOptions.Reconnect"/> the client waits for it and logs in again,
    /// as after a crash (<see cref="ConnectionInterrupted"/>, then <see cref="Reconnected"/> or <see cref="ConnectionLost"/>).
    /// </summary>
    internal void OnSessionEnded(string reason)
    {
        if (Interlocked.Exchange(ref _sessionEnded, 1) == 1)
            return;
        if (reason == SessionEndReasons.HostShuttingDown && _options.Reconnect && _credentials is not null && Ticket is not null)
        {
            _ = ReconnectAsync(new CommunicationException($"{reason}; waiting for it to come back"));
            return;
        }
        StopHeartbeat();
        Ticket = null;
        SessionEnded?.Invoke(reason);
    }

    /// <summary>
    /// Opens the login channel before anything is sent on it. A certificate the TLS handshake refused goes to the trust
    /// decision: accepted by the user, the channel is opened again pinned to it; otherwise the refusal stands.
    /// </summary>
    private async Task OpenTrustedLoginChannelAsync()
    {
        var trust = _options.Trust;
        trust?.CheckBeforeConnecting();
        OpenLoginChannel();
        try
        {
            await ((IClientChannel)Login).OpenAsync().ConfigureAwait(false);
        }
        catch (Ikosa.ServiceModel.Security.SecurityNegotiationException refused) when (trust is not null && refused is not HostTrustException)
        {
            DropUnopenedChannels();
            if (!await trust.AcceptRefusedAsync(refused).ConfigureAwait(false))
                throw;
            OpenLoginChannel();
            await ((IClientChannel)Login).OpenAsync().ConfigureAwait(false);
        }
        trust?.Connected();
    }

    private void OpenLoginChannel()
    {
        lock (_gate)
        {
            Login = Create<ILoginService>("login");
            var login = (IClientChannel)Login;
            login.Faulted += (_, _) => _ = ReconnectAsync(new CommunicationException($"The connection to {_options.BaseAddress} was lost."));
        }
    }

    private Task BindOthersAsync(TicketInfo ticket) => WhenNotBusyAsync(async () =>
    {
        var game = Create<IGameService>("game");
        var visualization = Create<IVisualizationService>("visualization");
        await Task.WhenAll(game.BindAsync(ticket.Ticket), visualization.BindAsync(ticket.Ticket)).ConfigureAwait(false);
        IMasterService? master = null;
        if (ticket.IsMaster)
        {
            master = Create<IMasterService>("master");
            await master.BindAsync(ticket.Ticket).ConfigureAwait(false);
        }
        (Game, Visualization, Master) = (game, visualization, master);
        return true;
    });

    /// <summary>
    /// Runs <paramref name="open"/> (which opens channels) again after a jittered backoff while the host answers
    /// ServerTooBusy: it is at a limit for a moment, as in a storm of reconnecting clients. The refused channels go.
    /// </summary>
    private async Task<T> WhenNotBusyAsync<T>(Func<Task<T>> open)
    {
        var backoff = new Backoff(_options.FirstReconnectDelay, _options.MaxReconnectDelay);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await open().ConfigureAwait(false);
            }
            catch (ServerTooBusyException error) when (attempt < _options.BusyRetries && !_disposed)
            {
                _logger.LogInformation("The host is busy ({Reason}); trying again (attempt {Attempt})", error.Message, attempt + 1);
                DropUnopenedChannels();
                await Task.Delay(backoff.Next()).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The host has no keep-alive to send (net.tcp has none): a cheap call every few seconds shows it still answers. One
    /// that does not answer in time is taken for gone: the channels are dropped and the client reconnects.
    /// </summary>
    /// <remarks>
    /// While a batch handler of ours is running, the channel is not being read and the answer cannot arrive: that is
    /// not the host's silence, so the check waits for the same answer instead of giving up (and asks nothing more).
    /// </remarks>
    private async Task HeartbeatAsync(TimeSpan interval, CancellationToken stop)
    {
        Task? asking = null;
        while (true)
        {
            try
            {
                await Task.Delay(interval, stop).ConfigureAwait(false);
                var login = Login;
                asking ??= login.GetSerialAsync();
                try
                {
                    await asking.WaitAsync(_options.HeartbeatTimeout, stop).ConfigureAwait(false);
                }
                catch (TimeoutException) when (Volatile.Read(ref _delivering) > 0)
                {
                    Interlocked.Increment(ref _heartbeatRounds);
                    continue;
                }
                asking = null;
                Interlocked.Increment(ref _heartbeatRounds);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception error) when (error is CommunicationException or TimeoutException or InvalidOperationException)
            {
                if (stop.IsCancellationRequested)
                    return;
                AbortChannels();
                _ = ReconnectAsync(new TimeoutException($"The host at {_options.BaseAddress} did not answer within {_options.HeartbeatTimeout}: {error.Message}", error));
                return;
            }
        }
    }

    private void StartHeartbeat()
    {
        StopHeartbeat();
        if (_options.HeartbeatInterval is not { } interval || _disposed)
            return;
        var stop = new CancellationTokenSource();
        _heartbeat = stop;
        _ = HeartbeatAsync(interval, stop.Token);
    }

    private void StopHeartbeat() => Interlocked.Exchange(ref _heartbeat, null)?.Cancel();

    private T Create<T>(string path) where T : class
    {
        var factory = new DuplexChannelFactory<T>(_callbacks, _options.Binding, new EndpointAddress(new Uri(_options.BaseAddress, path)));
        if (_options.Trust?.Pin is { } pinned)
        {
            // Trust on first use: the certificate is the host's identity, whatever address it is reached by.
            factory.ServerCertificate.TrustedCertificateThumbprint = pinned.Hex;
            factory.ServerCertificate.CheckPinnedCertificateName = false;
        }
        else if (_options.TrustedCertificateThumbprint is { } thumbprint)
            factory.ServerCertificate.TrustedCertificateThumbprint = thumbprint;
        // A batch may hold notifications of rule packages: known ones as their contracts, others as unknown ones.
        foreach (var callback in factory.Contract.CallbackOperations)
            callback.OperationBehaviors.Find<DataContractSerializerOperationBehavior>()!.DataContractResolver = _resolver;
        var proxy = factory.CreateChannel();
        lock (_gate)
            _channels.Add((IClientChannel)proxy);
        return proxy;
    }

    /// <summary>
    /// The connection dropped or the host stopped answering: say so at once, then try to come back with the ticket (or
    /// log in again), waiting longer each time, with jitter so that a table of clients does not come back in step.
    /// </summary>
    private async Task ReconnectAsync(Exception reason)
    {
        if (_disposed || Ticket is null || Interlocked.Exchange(ref _reconnecting, 1) == 1)
            return;
        try
        {
            StopHeartbeat();
            _logger.LogInformation("Host unreachable: {Reason}", reason.Message);
            ConnectionInterrupted?.Invoke(reason);
            if (!_options.Reconnect)
                return;
            var backoff = new Backoff(_options.FirstReconnectDelay, _options.MaxReconnectDelay);
            for (var attempt = 1; attempt <= _options.ReconnectAttempts && !_disposed; attempt++)
            {
                try
                {
                    await Task.Delay(backoff.Next()).ConfigureAwait(false);
                    await RecoverAsync().ConfigureAwait(false);
                    _logger.LogInformation("Reconnected and resumed after serial {Serial}", LastSerial);
                    Reconnected?.Invoke();
                    return;
                }
                catch (HostTrustException refused)
                {
                    // Not the trusted host any more: trying again would only send it the password.
                    ConnectionLost?.Invoke(refused);
                    return;
                }
                catch (Exception error) when (error is CommunicationException or TimeoutException)
                {
                    _logger.LogInformation("Reconnect attempt {Attempt} failed: {Reason}", attempt, error.Message);
                }
            }
            ConnectionLost?.Invoke(new CommunicationException($"Could not reconnect to {_options.BaseAddress} after {_options.ReconnectAttempts} attempts."));
        }
        finally
        {
            Interlocked.Exchange(ref _reconnecting, 0);
        }
    }

    /// <summary>Drops the channels that a refusal left unopened (or faulted), keeping the open ones.</summary>
    private void DropUnopenedChannels()
    {
        List<IClientChannel> broken;
        lock (_gate)
        {
            broken = _channels.Where(channel => channel.State != CommunicationState.Opened).ToList();
            _channels.RemoveAll(broken.Contains);
        }
        foreach (var channel in broken)
            channel.Abort();
    }

    private void AbortChannels()
    {
        lock (_gate)
        {
            foreach (var channel in _channels)
                channel.Abort();
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
        StopHeartbeat();
        CloseChannels();
        return ValueTask.CompletedTask;
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                dispose();
        }
    }
}

public sealed record IkosaClientOptions
{
    /// <summary>The host's base address, e.g. net.tcp://localhost:8765/ikosa/ (the endpoints are login, game, visualization, master).</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The binding of every channel; by default <see cref="DefaultBinding"/>, the host's shipped settings.</summary>
    public NetTcpBinding Binding { get; init; } = DefaultBinding();

    /// <summary>For a host using a self-signed certificate (TLS): trust exactly this one (SHA-1 or SHA-256 thumbprint).</summary>
    public string? TrustedCertificateThumbprint { get; init; }

    /// <summary>
    /// Trust on first use for a TLS host (<see cref="HostConnection"/> makes it from an invite or an address): replaces
    /// <see cref="TrustedCertificateThumbprint"/> and the certificate chain check when set.
    /// </summary>
    public HostTrust? Trust { get; init; }

    public bool Reconnect { get; init; } = true;

    public int ReconnectAttempts { get; init; } = 20;

    /// <summary>The first wait before reconnecting (or trying again a host that was too busy); it doubles up to <see cref="MaxReconnectDelay"/>, jittered.</summary>
    public TimeSpan FirstReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times opening a channel is tried while the host answers ServerTooBusy.</summary>
    public int BusyRetries { get; init; } = 8;

    /// <summary>How often a logged-in client checks that the host still answers (a GetSerial call); null: never.</summary>
    public TimeSpan? HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A host that has not answered the check within this is taken for gone.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The settings the host ships with (app.config's "ikosa" binding): the client must accept what the host may send
    /// (1 MiB messages, where WCF's default is 64 KiB) and stay connected through a long quiet evening.
    /// </summary>
    public static NetTcpBinding DefaultBinding(SecurityMode security = SecurityMode.None) => new(security)
    {
        OpenTimeout = TimeSpan.FromSeconds(30),
        CloseTimeout = TimeSpan.FromSeconds(10),
        SendTimeout = TimeSpan.FromSeconds(30),
        ReceiveTimeout = TimeSpan.FromHours(4),
        MaxReceivedMessageSize = 1024 * 1024,
    };

    /// <summary>
    /// Options from a configuration's client endpoint named <paramref name="endpointName"/> (app.config's
    /// <c>&lt;client&gt;</c>): its binding and, unless <paramref name="baseAddress"/> is given, the folder of its address.
    /// </summary>
    /// <exception cref="ConfigurationErrorsException">The configuration has no such client endpoint.</exception>
    public static IkosaClientOptions FromConfiguration(ServiceModelSection section, Uri? baseAddress = null, string endpointName = "login")
    {
        var endpoint = section.FindClientEndpoint(endpointName)
            ?? throw new ConfigurationErrorsException($"there is no <client><endpoint name=\"{endpointName}\"> to take the client's binding from.", ServiceModelSection.SectionName, "endpoint", "name");
        return new IkosaClientOptions
        {
            BaseAddress = baseAddress ?? new Uri(endpoint.Address, "."),
            Binding = endpoint.ResolvedBinding.Clone(),
            TrustedCertificateThumbprint = endpoint.TrustedCertificateThumbprint,
        };
    }

    /// <summary>
    /// Notification contracts of rule packages this client knows (classes deriving from <see cref="NotificationInfo"/>);
    /// any other a batch holds arrives as an <see cref="UnknownNotificationInfo"/>.
    /// </summary>
    public IReadOnlyList<Type> NotificationContracts { get; init; } = [];
}
