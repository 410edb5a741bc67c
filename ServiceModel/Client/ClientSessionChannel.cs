using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;
using Ikosa.ServiceModel.Framing;
using Ikosa.ServiceModel.Security;
using Microsoft.Extensions.Logging;

namespace Ikosa.ServiceModel.Client;

/// <summary>
/// The client side of one session: opens it, sends calls and waits for their replies, runs the callbacks the server
/// sends, and closes it with the End handshake. A faulted channel stays faulted; open a new one.
/// </summary>
internal sealed class ClientSessionChannel : IProxyCallHandler
{
    private readonly ContractDescription _contract;
    private readonly NetTcpBinding _binding;
    private readonly Uri _address;
    private readonly Uri _via;
    private readonly object? _callbackInstance;
    private readonly ServerCertificateValidation _certificateValidation;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private FramingConnection? _connection;
    private DuplexSession? _session;
    private CallbackDispatcher? _dispatcher;
    private Task<SessionEnd>? _receiving;
    private volatile bool _terminated;
    private int _state = (int)CommunicationState.Created;

    public ClientSessionChannel(
        ContractDescription contract, NetTcpBinding binding, Uri address, Uri via, object? callbackInstance,
        ServerCertificateValidation certificateValidation, ILogger logger)
    {
        _certificateValidation = certificateValidation;
        _contract = contract;
        _binding = binding;
        _address = address;
        _via = via;
        _callbackInstance = callbackInstance;
        _logger = logger;
    }

    public CommunicationState State => (CommunicationState)Volatile.Read(ref _state);

    public string? SessionId => _session?.Id;

    public event EventHandler? Closed;

    public event EventHandler? Faulted;

    internal object? Owner { get; set; }

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _openLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (State == CommunicationState.Opened)
                return;
            if (State is not CommunicationState.Created)
                throw StateError("open");
            SetState(CommunicationState.Opening);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(NetTcpBinding.ToTimerDelay(_binding.OpenTimeout));
            try
            {
                _connection = await ClientConnector.ConnectAsync(_via, _binding.Security.Mode, _certificateValidation, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                SetState(CommunicationState.Faulted);
                throw new TimeoutException($"Opening the channel to {_via} did not complete within the OpenTimeout of {_binding.OpenTimeout}.");
            }
            catch
            {
                SetState(CommunicationState.Faulted);
                throw;
            }
            var limits = new FramingLimits { MaxReceivedMessageSize = (int)Math.Min(_binding.MaxReceivedMessageSize, int.MaxValue) };
            _session = new DuplexSession(_connection, limits, _logger);
            _dispatcher = new CallbackDispatcher(_session, _contract, _callbackInstance, _logger);
            SetState(CommunicationState.Opened);
            _receiving = Task.Run(ReceiveAsync);
        }
        finally
        {
            _openLock.Release();
        }
    }

    public async Task<object?> CallAsync(OperationDescription operation, object?[] arguments)
    {
        if (State is CommunicationState.Created or CommunicationState.Opening)
            await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        if (State != CommunicationState.Opened || _session is null)
            throw StateError($"call {operation.Name}");
        var message = operation.Formatter.SerializeRequest(arguments);
        message.To = _address.AbsoluteUri;
        object? result;
        try
        {
            if (operation.IsOneWay)
            {
                await _session.SendAsync(message, CancellationToken.None).WaitAsync(NetTcpBinding.ToTimerDelay(_binding.SendTimeout)).ConfigureAwait(false);
                return null;
            }
            message.ReplyTo = WellKnownAddresses.Anonymous;
            // The server ends the session right after a terminating call's reply; that End is then expected.
            if (operation.IsTerminating)
                _terminated = true;
            result = await _session.RequestAsync(
                message,
                reply => FaultReply.Decode(reply, operation, arguments),
                NetTcpBinding.ToTimerDelay(_binding.SendTimeout)).ConfigureAwait(false);
        }
        catch (CommunicationException error)
        {
            // Only failures of the session land here: a fault reply comes back as a FaultReply result.
            Fault(error);
            throw;
        }
        if (operation.IsTerminating)
            await CloseAsync(CancellationToken.None).ConfigureAwait(false);
        return FaultReply.ThrowIfFault(result);
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        var state = State;
        if (state is CommunicationState.Closed or CommunicationState.Closing)
            return;
        if (state is CommunicationState.Created)
        {
            SetState(CommunicationState.Closed);
            Closed?.Invoke(Owner, EventArgs.Empty);
            return;
        }
        if (state is CommunicationState.Faulted)
        {
            Abort();
            throw new CommunicationObjectFaultedException("The channel is faulted and cannot be closed politely; it was aborted. Open a new channel.");
        }
        SetState(CommunicationState.Closing);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(NetTcpBinding.ToTimerDelay(_binding.CloseTimeout));
            await _dispatcher!.WhenIdleAsync(NetTcpBinding.ToTimerDelay(_binding.CloseTimeout)).ConfigureAwait(false);
            await _session!.SendEndAsync(timeout.Token).ConfigureAwait(false);
            var end = await _receiving!.WaitAsync(timeout.Token).ConfigureAwait(false);
            if (end.Kind != SessionEndKind.PeerEnded)
                throw new CommunicationException("The server did not end the session cleanly: " + end.Error?.Message, end.Error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Abort();
            throw new TimeoutException($"The server did not answer End within the CloseTimeout of {_binding.CloseTimeout}; the channel was aborted.");
        }
        catch
        {
            Abort();
            throw;
        }
        await _connection!.DisposeAsync().ConfigureAwait(false);
        SetState(CommunicationState.Closed);
        Closed?.Invoke(Owner, EventArgs.Empty);
    }

    public void Abort()
    {
        var previous = (CommunicationState)Interlocked.Exchange(ref _state, (int)CommunicationState.Closed);
        _session?.Abort();
        _connection?.Abort();
        if (previous != CommunicationState.Closed)
            Closed?.Invoke(Owner, EventArgs.Empty);
    }

    private async Task<SessionEnd> ReceiveAsync()
    {
        var end = await _session!.ReceiveAsync(_dispatcher!, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        if (end.Kind == SessionEndKind.PeerEnded && State == CommunicationState.Opened)
        {
            // The server ended the session (an IsTerminating call, its shutdown, or after an unhandled exception):
            // answer with End; only an expected end leaves the channel Closed rather than Faulted.
            await _dispatcher!.WhenIdleAsync(NetTcpBinding.ToTimerDelay(_binding.CloseTimeout)).ConfigureAwait(false);
            try
            {
                await _session.SendEndAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (CommunicationException)
            {
            }
            if (_terminated)
            {
                SetState(CommunicationState.Closed);
                Closed?.Invoke(Owner, EventArgs.Empty);
            }
            else
            {
                Fault(new CommunicationException("The server ended the session."));
            }
            _connection?.Abort();
        }
        else if (end.Kind != SessionEndKind.PeerEnded && State == CommunicationState.Opened)
        {
            Fault(end.Error ?? new CommunicationException("The session ended unexpectedly."));
            _connection?.Abort();
        }
        await _dispatcher!.StopAsync().ConfigureAwait(false);
        return end;
    }

    private void Fault(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _state, (int)CommunicationState.Faulted, (int)CommunicationState.Opened) != (int)CommunicationState.Opened)
            return;
        _logger.LogInformation("Channel to {Via} faulted: {Reason}", _via, reason.Message);
        _session?.Abort();
        Faulted?.Invoke(Owner, EventArgs.Empty);
    }

    private void SetState(CommunicationState state) => Volatile.Write(ref _state, (int)state);

    private Exception StateError(string what) => State switch
    {
        CommunicationState.Faulted => new CommunicationObjectFaultedException($"Cannot {what}: the channel to {_via} is faulted. Abort it and open a new channel."),
        CommunicationState.Closed or CommunicationState.Closing => new CommunicationObjectAbortedException($"Cannot {what}: the channel to {_via} is {State}. Open a new channel."),
        _ => new InvalidOperationException($"Cannot {what}: the channel is {State}."),
    };
}
