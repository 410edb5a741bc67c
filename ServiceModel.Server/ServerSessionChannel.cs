using System.Collections.Concurrent;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.ServiceModel.Server;

/// <summary>
/// The server's face of one session: its state and events for the service code, and the callback proxies that
/// send over it. Closing it from inside an operation ends the session after the calls in flight.
/// </summary>
internal sealed class ServerSessionChannel : IContextChannel, IProxyCallHandler
{
    private readonly ServerSession _session;
    private readonly ConcurrentDictionary<Type, object> _callbackProxies = new();
    private int _state = (int)CommunicationState.Opened;

    public ServerSessionChannel(ServerSession session, ServiceEndpoint endpoint, RemoteEndpointMessageProperty? remoteEndpoint)
    {
        _session = session;
        Endpoint = endpoint;
        RemoteEndpoint = remoteEndpoint;
    }

    public ServiceEndpoint Endpoint { get; }

    /// <summary>The client's address and port, when the connection has an IP end point.</summary>
    public RemoteEndpointMessageProperty? RemoteEndpoint { get; }

    public string SessionId => _session.Session.Id;

    public CommunicationState State => (CommunicationState)Volatile.Read(ref _state);

    public event EventHandler? Closed;

    public event EventHandler? Faulted;

    public T GetCallbackChannel<T>() where T : class
    {
        var contract = Endpoint.Contract;
        if (contract.CallbackContractType is null || !typeof(T).IsAssignableFrom(contract.CallbackContractType))
            throw new InvalidOperationException($"The contract {contract.Name} has no callback contract of type {typeof(T).Name}.");
        return (T)_callbackProxies.GetOrAdd(typeof(T), _ =>
        {
            var proxy = ContractProxy.Create<T, CallbackProxy>(contract, this, callbacks: true);
            ((CallbackProxy)(object)proxy).Channel = this;
            return proxy;
        });
    }

    /// <summary>A call on a callback proxy: one-way callbacks are sent; two-way ones wait for the client's reply.</summary>
    public async Task<object?> CallAsync(OperationDescription operation, object?[] arguments)
    {
        if (State != CommunicationState.Opened)
            throw new CommunicationObjectAbortedException($"The session {SessionId} is {State}; the callback {operation.Name} cannot be sent.");
        var message = operation.Formatter.SerializeRequest(arguments);
        message.To = WellKnownAddresses.Anonymous;
        if (operation.IsOneWay)
        {
            await SendOneWayAsync(operation, message).ConfigureAwait(false);
            return null;
        }
        message.ReplyTo = Endpoint.Address.AbsoluteUri;
        var result = await _session.Session.RequestAsync(
            message,
            reply => FaultReply.Decode(reply, operation, arguments),
            NetTcpBinding.ToTimerDelay(Endpoint.Binding.SendTimeout)).ConfigureAwait(false);
        return FaultReply.ThrowIfFault(result);
    }

    /// <summary>
    /// A one-way callback gets the binding's SendTimeout, as in WCF. A client that has not read for that long is not
    /// coming back: the session is aborted, which also fails the sends queued behind this one.
    /// </summary>
    private async Task SendOneWayAsync(OperationDescription operation, Message message)
    {
        var sending = _session.Session.SendAsync(message, CancellationToken.None);
        if (sending.IsCompletedSuccessfully)
            return;
        var timeout = NetTcpBinding.ToTimerDelay(Endpoint.Binding.SendTimeout);
        try
        {
            await sending.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _ = sending.ContinueWith(static failed => _ = failed.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            _session.Abort();
            throw new TimeoutException(
                $"The callback {operation.Name} could not be sent to session {SessionId} within the SendTimeout of {timeout}: the client does not read. The session was aborted.");
        }
    }

    public void Open()
    {
    }

    public void Open(TimeSpan timeout)
    {
    }

    public Task OpenAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Close() => _session.BeginClose();

    public void Close(TimeSpan timeout) => _session.BeginClose();

    public Task CloseAsync(CancellationToken cancellationToken = default)
    {
        _session.BeginClose();
        return Task.CompletedTask;
    }

    public void Abort() => _session.Abort();

    internal bool IsAuthenticated => _session.IsAuthenticated;

    internal void MarkAuthenticated() => _session.MarkAuthenticated();

    internal void SetClosing() => Interlocked.CompareExchange(ref _state, (int)CommunicationState.Closing, (int)CommunicationState.Opened);

    internal void SetEnded(bool faulted)
    {
        var previous = (CommunicationState)Interlocked.Exchange(ref _state, (int)(faulted ? CommunicationState.Faulted : CommunicationState.Closed));
        if (previous is CommunicationState.Closed or CommunicationState.Faulted)
            return;
        if (faulted)
            Faulted?.Invoke(this, EventArgs.Empty);
        Closed?.Invoke(this, EventArgs.Empty);
    }
}

/// <summary>The base of callback proxies: the callback contract's methods plus the session's ICommunicationObject.</summary>
public class CallbackProxy : ContractProxyBase, ICommunicationObject
{
    internal ServerSessionChannel? Channel { get; set; }

    private ServerSessionChannel Session => Channel ?? throw new InvalidOperationException("The callback proxy is not attached to a session.");

    public CommunicationState State => Session.State;

    public event EventHandler? Closed
    {
        add => Session.Closed += value;
        remove => Session.Closed -= value;
    }

    public event EventHandler? Faulted
    {
        add => Session.Faulted += value;
        remove => Session.Faulted -= value;
    }

    public void Open() => Session.Open();

    public void Open(TimeSpan timeout) => Session.Open(timeout);

    public Task OpenAsync(CancellationToken cancellationToken = default) => Session.OpenAsync(cancellationToken);

    public void Close() => Session.Close();

    public void Close(TimeSpan timeout) => Session.Close(timeout);

    public Task CloseAsync(CancellationToken cancellationToken = default) => Session.CloseAsync(cancellationToken);

    public void Abort() => Session.Abort();
}
