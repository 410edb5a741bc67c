using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;
using Microsoft.Extensions.Logging;

namespace Ikosa.ServiceModel.Server;

/// <summary>
/// One client session on the server: dispatches its calls to the service instance its instancing mode selects, and
/// ends it the WCF way — End answered with End, End after an IsTerminating operation, End and a dropped connection
/// after an unhandled exception, End for everyone when the host closes.
/// </summary>
internal sealed class ServerSession : CallDispatcher
{
    /// <summary>How long End may take to go out when the session is closed for not authenticating in time.</summary>
    private static readonly TimeSpan DeadlineEndTimeout = TimeSpan.FromSeconds(1);

    private readonly FramingConnection _connection;
    private readonly EndpointDispatcher _endpoint;
    private readonly SessionSlot _slot;
    private readonly RefusalLog _refusals;
    private readonly CancellationToken _hostClosing;
    private object? _sessionInstance;
    private string? _acceptedTo;
    private bool _dropConnection;
    private bool _endedForDeadline;
    private int _closeStarted;
    private ITimer? _authenticationDeadline;
    private readonly CancellationTokenSource _ended = new();

    public ServerSession(
        FramingConnection connection, EndpointDispatcher endpoint, SessionSlot slot, RefusalLog refusals, CancellationToken hostClosing, ILogger logger,
        RemoteEndpointMessageProperty? remoteEndpoint = null)
        : base(new DuplexSession(connection, endpoint.Limits, logger), endpoint.Behavior.ConcurrencyMode, singleCallsOnReceiveLoop: true, logger)
    {
        _connection = connection;
        _endpoint = endpoint;
        _slot = slot;
        _refusals = refusals;
        _hostClosing = hostClosing;
        Channel = new ServerSessionChannel(this, endpoint.Endpoint, remoteEndpoint);
    }

    public ServerSessionChannel Channel { get; }

    public bool IsAuthenticated => _slot.IsAuthenticated;

    private TimeSpan CloseTimeout => NetTcpBinding.ToTimerDelay(_endpoint.Binding.CloseTimeout);

    /// <summary>The service says the session has authenticated: it keeps the binding's long idle timeout from now on.</summary>
    public void MarkAuthenticated()
    {
        if (_slot.MarkAuthenticated())
            _authenticationDeadline?.Dispose();
    }

    /// <summary>Runs the session to its end; true when the connection may carry another session.</summary>
    public async Task<bool> RunAsync()
    {
        Logger.LogDebug("Session {SessionId} opened on {Endpoint}", Session.Id, _endpoint.Endpoint);
        using var closing = _hostClosing.Register(BeginClose);
        StartAuthenticationDeadline();
        var end = await Session.ReceiveAsync(this, NetTcpBinding.ToTimerDelay(_endpoint.Binding.ReceiveTimeout)).ConfigureAwait(false);
        _authenticationDeadline?.Dispose();
        bool reusable;
        if (end.Kind == SessionEndKind.PeerEnded)
        {
            // The client will send nothing more; let its calls finish so their replies precede our End.
            await WhenIdleAsync(CloseTimeout).ConfigureAwait(false);
            await TrySendEndAsync().ConfigureAwait(false);
            reusable = !_dropConnection && !_hostClosing.IsCancellationRequested;
        }
        else
        {
            // A vanished client is expected, and one closed for its deadline is already counted in the refusal log.
            if (!_dropConnection && !_endedForDeadline)
                Logger.Log(end.Kind == SessionEndKind.ConnectionLost ? LogLevel.Debug : LogLevel.Information,
                    "Session {SessionId} ended: {Kind} {Reason}", Session.Id, end.Kind, end.Error?.Message);
            // A protocol error leaves the connection to be closed politely, so a framing fault sent just before
            // reaches the client; a lost or aborted connection is dropped at once.
            if (end.Kind is SessionEndKind.ConnectionLost or SessionEndKind.Aborted && !_dropConnection)
                _connection.Abort();
            Session.Abort();
            reusable = false;
        }
        await StopAsync().WaitAsync(CloseTimeout).ConfigureAwait(false);
        _ended.Cancel();
        Channel.SetEnded(faulted: end.Kind != SessionEndKind.PeerEnded && !_dropConnection);
        (_sessionInstance as IDisposable)?.Dispose();
        Logger.LogDebug("Session {SessionId} closed", Session.Id);
        return reusable;
    }

    /// <summary>Ends the session from the server side: finish calls in flight, send End, wait for the client's End.</summary>
    public void BeginClose()
    {
        if (Interlocked.Exchange(ref _closeStarted, 1) == 1)
            return;
        Channel.SetClosing();
        _ = Task.Run(async () =>
        {
            await WhenIdleAsync(CloseTimeout).ConfigureAwait(false);
            await TrySendEndAsync().ConfigureAwait(false);
            try
            {
                await Task.Delay(CloseTimeout, _ended.Token).ConfigureAwait(false);
                Logger.LogInformation("Session {SessionId}: the client did not answer End within {Timeout}; dropped", Session.Id, CloseTimeout);
                Abort();
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public void Abort()
    {
        Session.Abort();
        _connection.Abort();
    }

    /// <summary>
    /// Under the service's SessionAuthenticationTimeout, a session not marked authenticated in time is closed: End goes
    /// out if it can within a second, and the connection is dropped without waiting for the client's End.
    /// </summary>
    private void StartAuthenticationDeadline()
    {
        var timeout = NetTcpBinding.ToTimerDelay(_endpoint.Behavior.SessionAuthenticationTimeout);
        if (timeout == Timeout.InfiniteTimeSpan || _slot.IsAuthenticated)
            return;
        _authenticationDeadline = TimeProvider.System.CreateTimer(_ => OnAuthenticationDeadline(timeout), null, timeout, Timeout.InfiniteTimeSpan);
    }

    private void OnAuthenticationDeadline(TimeSpan timeout)
    {
        if (_slot.IsAuthenticated || _ended.IsCancellationRequested || Interlocked.Exchange(ref _closeStarted, 1) == 1)
            return;
        _endedForDeadline = true;
        _refusals.Record(_slot.Address, Refusal.NotAuthenticatedInTime, $"{timeout} on {_endpoint.Path}");
        Channel.SetClosing();
        _ = Task.Run(async () =>
        {
            await TrySendEndAsync(DeadlineEndTimeout).ConfigureAwait(false);
            Abort();
        });
    }

    protected override OperationDescription? FindOperation(string action) => _endpoint.Contract.FindByAction(action);

    protected override bool IncludeExceptionDetailInFaults => _endpoint.Behavior.IncludeExceptionDetailInFaults;

    protected override string? ReplyAddress(Message request) => WellKnownAddresses.Anonymous;

    protected override string? UnreachableDestination(Message request)
    {
        // Matched by path only: the client may reach us through another host name or port (a relay, NAT).
        // A client sends the same To with every call, so the last one accepted is remembered rather than parsed again.
        if (request.To is null || request.To == WellKnownAddresses.Anonymous || request.To == _acceptedTo)
            return null;
        if (!Uri.TryCreate(request.To, UriKind.Absolute, out var to))
            return request.To;
        if (!string.Equals(EndpointTable.NormalizePath(to.AbsolutePath), _endpoint.Path, StringComparison.OrdinalIgnoreCase))
            return request.To;
        _acceptedTo = request.To;
        return null;
    }

    protected override async Task<object?> InvokeAsync(OperationDescription operation, object?[] arguments, Message request)
    {
        var service = _endpoint.Service;
        var mode = service.Behavior.InstanceContextMode;
        var instance = mode switch
        {
            InstanceContextMode.Single => service.SingletonInstanceForCalls,
            InstanceContextMode.PerCall => service.CreateInstance(),
            _ => _sessionInstance ??= service.CreateInstance(),
        };
        var serialiseAcrossSessions = mode == InstanceContextMode.Single && Concurrency != ConcurrencyMode.Multiple;
        OperationContext.Current = new OperationContext(Channel, request, operation);
        // maxConcurrentCalls: the slot is taken before the instance lock, so a waiting call holds nothing.
        using var slot = service.CallThrottle is { } throttle ? await throttle.EnterAsync().ConfigureAwait(false) : default(CallThrottle.Slot?);
        try
        {
            if (serialiseAcrossSessions)
                await service.SingletonCallLock.WaitAsync().ConfigureAwait(false);
            try
            {
                return await service.Dispatch(operation).InvokeAsync(instance, arguments).ConfigureAwait(false);
            }
            finally
            {
                if (serialiseAcrossSessions)
                    service.SingletonCallLock.Release();
            }
        }
        finally
        {
            OperationContext.Current = null;
            if (mode == InstanceContextMode.PerCall)
                (instance as IDisposable)?.Dispose();
        }
    }

    protected override Task OnTerminatingOperationCompletedAsync()
    {
        BeginClose();
        return Task.CompletedTask;
    }

    protected override async Task OnUnhandledExceptionAsync(OperationDescription operation, Exception error)
    {
        // As WCF: after an unhandled exception the session is over. The fault reply has gone out; End follows.
        _dropConnection = true;
        await TrySendEndAsync().ConfigureAwait(false);
        Session.Abort();
    }

    private Task TrySendEndAsync() => TrySendEndAsync(CloseTimeout);

    private async Task TrySendEndAsync(TimeSpan timeout)
    {
        try
        {
            await Session.SendEndAsync(CancellationToken.None).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (Exception error) when (error is CommunicationException or TimeoutException)
        {
            Logger.LogDebug("Session {SessionId}: End could not be sent: {Reason}", Session.Id, error.Message);
        }
    }
}
