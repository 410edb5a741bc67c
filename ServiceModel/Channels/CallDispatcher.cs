using System.Threading.Channels;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;
using Microsoft.Extensions.Logging;

namespace Ikosa.ServiceModel.Channels;

/// <summary>
/// Turns a session's incoming calls into invocations and their results into replies or faults. Under
/// ConcurrencyMode.Single a session's calls run one at a time, in arrival order; under Multiple they run in parallel.
/// On the server a Single call starts on the receive loop itself when none is before it, so a call that completes
/// without waiting costs no thread hop; one that waits is chained, and the receive loop reads on (replies must get
/// through). Other ordered calls run on a worker: a client's callbacks stay off the receive loop because client code
/// may hold a lock a callback wants while it waits for a reply on this session. The server (service operations) and
/// the client (callback operations) differ only in the hooks.
/// </summary>
internal abstract class CallDispatcher : IIncomingMessageHandler
{
    /// <summary>
    /// The most calls of one session queued or running before its receive loop stops reading: what one connection can
    /// make the host hold is bounded by this many messages, whatever the peer sends.
    /// </summary>
    internal const int MaxPendingCalls = 128;

    private readonly Channel<Func<Task>>? _ordered;
    private readonly Task _worker = Task.CompletedTask;
    private readonly bool _singleCallsOnReceiveLoop;
    private Task _lastSingleCall = Task.CompletedTask;
    private readonly object _idleGate = new();
    private int _inFlight;
    private bool _initiated;
    private TaskCompletionSource? _idle;
    private TaskCompletionSource? _capacity;

    /// <param name="singleCallsOnReceiveLoop">Whether Single calls may start on the receive loop (see the class summary).</param>
    protected CallDispatcher(DuplexSession session, ConcurrencyMode concurrency, bool singleCallsOnReceiveLoop, ILogger logger)
    {
        Session = session;
        Concurrency = concurrency;
        Logger = logger;
        _singleCallsOnReceiveLoop = singleCallsOnReceiveLoop && concurrency == ConcurrencyMode.Single;
        if (concurrency != ConcurrencyMode.Multiple && !_singleCallsOnReceiveLoop)
        {
            _ordered = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            _worker = Task.Run(RunOrderedAsync);
        }
    }

    public DuplexSession Session { get; }

    public ConcurrencyMode Concurrency { get; }

    protected ILogger Logger { get; }

    protected abstract OperationDescription? FindOperation(string action);

    /// <summary>Runs the operation on the right instance, with the right context; returns its result.</summary>
    protected abstract Task<object?> InvokeAsync(OperationDescription operation, object?[] arguments, Message request);

    protected abstract bool IncludeExceptionDetailInFaults { get; }

    /// <summary>The To of a reply: anonymous from a server, the request's ReplyTo from a client answering a callback.</summary>
    protected abstract string? ReplyAddress(Message request);

    /// <summary>Null when the request's To is acceptable; otherwise the To to report as unreachable.</summary>
    protected virtual string? UnreachableDestination(Message request) => null;

    /// <summary>After the reply of an IsTerminating operation has been sent.</summary>
    protected virtual Task OnTerminatingOperationCompletedAsync() => Task.CompletedTask;

    /// <summary>After an unhandled (non-fault) exception: WCF aborts the session.</summary>
    protected virtual Task OnUnhandledExceptionAsync(OperationDescription operation, Exception error) => Task.CompletedTask;

    public void OnMessage(Message request)
    {
        if (request.OtherHeaders.Count > 0 && NotUnderstood(request) is { Count: > 0 } notUnderstood)
        {
            Reject(request, FaultConverter.CreateMustUnderstandFault(notUnderstood), $"headers not understood: {string.Join(", ", notUnderstood)}");
            return;
        }
        var operation = FindOperation(request.Action);
        if (operation is null)
        {
            Reject(request, FaultConverter.CreateActionNotSupportedFault(request.Action), $"no operation for action '{request.Action}'");
            return;
        }
        if (!_initiated)
        {
            // As WCF: a session starts only with an operation allowed to start it.
            if (!operation.IsInitiating)
            {
                var refusal = new FaultException($"The operation '{operation.Name}' cannot start a session (IsInitiating = false); call an initiating operation first.");
                Reject(request, FaultConverter.CreateFault(refusal, operation, includeExceptionDetail: false), refusal.Message);
                return;
            }
            _initiated = true;
        }
        if (UnreachableDestination(request) is { } to)
        {
            Reject(request, FaultConverter.CreateDestinationUnreachableFault(to), $"To '{to}' is not this endpoint");
            return;
        }
        object?[] arguments;
        try
        {
            arguments = operation.Formatter.DeserializeRequest(request);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            var fault = error as FaultException ?? OperationFormatter.DeserializationFailed(operation.Name, error);
            Reject(request, FaultConverter.CreateFault(fault, operation, includeExceptionDetail: false), fault.Message);
            return;
        }
        Schedule(() => RunCallAsync(operation, arguments, request));
    }

    private static List<(string Name, string Namespace)> NotUnderstood(Message request) =>
        request.OtherHeaders.Where(h => h.MustUnderstand).Select(h => (h.Name, h.Namespace)).ToList();

    public ValueTask WhenReadyForMoreAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _inFlight) < MaxPendingCalls)
            return ValueTask.CompletedTask;
        lock (_idleGate)
        {
            if (_inFlight < MaxPendingCalls)
                return ValueTask.CompletedTask;
            _capacity ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return new ValueTask(_capacity.Task.WaitAsync(cancellationToken));
        }
    }

    /// <summary>Waits until no call is running or queued, or the timeout passes; true when idle.</summary>
    public async Task<bool> WhenIdleAsync(TimeSpan timeout)
    {
        Task idle;
        lock (_idleGate)
        {
            if (_inFlight == 0)
                return true;
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idle = _idle.Task;
        }
        try
        {
            await idle.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>No more calls will be scheduled; queued ones still run. Completes when they have.</summary>
    public Task StopAsync()
    {
        _ordered?.Writer.TryComplete();
        return _singleCallsOnReceiveLoop ? Volatile.Read(ref _lastSingleCall) : _worker;
    }

    private void Reject(Message request, Message fault, string reason)
    {
        Logger.LogInformation("Session {SessionId}: refused {Action}: {Reason}", Session.Id, request.Action, reason);
        if (request.MessageId is null)
            return;
        Schedule(() => SendReplyAsync(request, fault));
    }

    private void Schedule(Func<Task> work)
    {
        lock (_idleGate)
            _inFlight++;
        if (_singleCallsOnReceiveLoop)
            ScheduleInOrder(work);
        else if (_ordered is not null)
            _ordered.Writer.TryWrite(work);
        else
            _ = Task.Run(() => RunTrackedAsync(work));
    }

    /// <summary>Only the receive loop schedules calls, so the chain of Single calls needs no lock.</summary>
    private void ScheduleInOrder(Func<Task> work)
    {
        var previous = _lastSingleCall;
        var call = previous.IsCompleted ? RunTrackedAsync(work) : RunAfterAsync(previous, work);
        Volatile.Write(ref _lastSingleCall, call);
    }

    private async Task RunAfterAsync(Task previous, Func<Task> work)
    {
        await previous.ConfigureAwait(false);
        await RunTrackedAsync(work).ConfigureAwait(false);
    }

    private async Task RunOrderedAsync()
    {
        await foreach (var work in _ordered!.Reader.ReadAllAsync().ConfigureAwait(false))
            await RunTrackedAsync(work).ConfigureAwait(false);
    }

    private async Task RunTrackedAsync(Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            Logger.LogError(error, "Session {SessionId}: a call failed outside its operation", Session.Id);
        }
        finally
        {
            lock (_idleGate)
            {
                if (--_inFlight == 0 && _idle is not null)
                {
                    _idle.TrySetResult();
                    _idle = null;
                }
                if (_inFlight < MaxPendingCalls && _capacity is not null)
                {
                    _capacity.TrySetResult();
                    _capacity = null;
                }
            }
        }
    }

    private async Task RunCallAsync(OperationDescription operation, object?[] arguments, Message request)
    {
        object? result;
        try
        {
            // Two-way calls back over this session from inside a Single-concurrency operation would deadlock in WCF;
            // DuplexSession refuses them while this marker is set, as WCF does.
            if (Concurrency == ConcurrencyMode.Single)
                DuplexSession.InsideSingleConcurrencyOperation.Value = Session;
            result = await InvokeAsync(operation, arguments, request).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            await HandleOperationErrorAsync(operation, request, error).ConfigureAwait(false);
            return;
        }
        finally
        {
            DuplexSession.InsideSingleConcurrencyOperation.Value = null;
        }

        if (!operation.IsOneWay)
        {
            Message reply;
            try
            {
                reply = operation.Formatter.SerializeReply(result, arguments);
            }
            catch (Exception error)
            {
                await HandleOperationErrorAsync(operation, request, error).ConfigureAwait(false);
                return;
            }
            await SendReplyAsync(request, reply).ConfigureAwait(false);
        }
        if (operation.IsTerminating)
            await OnTerminatingOperationCompletedAsync().ConfigureAwait(false);
    }

    private async Task HandleOperationErrorAsync(OperationDescription operation, Message request, Exception error)
    {
        var isFault = error is FaultException;
        if (!isFault)
            Logger.LogError(error, "Session {SessionId}: operation {Operation} threw", Session.Id, operation.Name);
        if (!operation.IsOneWay)
            await SendReplyAsync(request, FaultConverter.CreateFault(error, operation, IncludeExceptionDetailInFaults)).ConfigureAwait(false);
        if (!isFault)
            await OnUnhandledExceptionAsync(operation, error).ConfigureAwait(false);
    }

    private async Task SendReplyAsync(Message request, Message reply)
    {
        reply.RelatesTo = request.MessageId;
        reply.To = ReplyAddress(request);
        try
        {
            await Session.SendAsync(reply, CancellationToken.None).ConfigureAwait(false);
        }
        catch (CommunicationException error)
        {
            Logger.LogInformation("Session {SessionId}: the reply to {Action} could not be sent: {Reason}", Session.Id, request.Action, error.Message);
        }
    }
}
