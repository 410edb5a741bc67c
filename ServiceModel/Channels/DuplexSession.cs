using System.Buffers;
using System.IO.Pipelines;
using System.Xml;
using Ikosa.ServiceModel.Encoding;
using Ikosa.ServiceModel.Framing;
using Microsoft.Extensions.Logging;

namespace Ikosa.ServiceModel.Channels;

/// <summary>
/// One net.tcp duplex session on a connection whose preamble has been exchanged: sized envelopes in both directions,
/// one dictionary session per direction, replies matched to requests by RelatesTo, and the End handshake.
/// Client and server both run their sessions on this type; what differs is who handles the incoming messages.
/// </summary>
internal sealed class DuplexSession
{
    private readonly FramingConnection _connection;
    private readonly FramingLimits _limits;
    private readonly ILogger _logger;
    private readonly BinarySessionWriter _writer = new();
    private readonly BinarySessionReader _reader;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly PendingReplies _pending = new();
    private readonly MessageIdSource _messageIds = new();
    private readonly CancellationTokenSource _aborted = new();
    private bool _outputEnded;

    public DuplexSession(FramingConnection connection, FramingLimits limits, ILogger logger)
    {
        _connection = connection;
        _limits = limits;
        _logger = logger;
        _reader = new BinarySessionReader(quotas: new XmlDictionaryReaderQuotas { MaxStringContentLength = limits.MaxReceivedMessageSize, MaxArrayLength = limits.MaxReceivedMessageSize });
    }

    /// <summary>Set while a ConcurrencyMode.Single operation of a session runs, to refuse two-way calls back over it.</summary>
    internal static readonly AsyncLocal<DuplexSession?> InsideSingleConcurrencyOperation = new();

    public string Id { get; } = "urn:uuid:" + Guid.NewGuid();

    public bool OutputEnded => Volatile.Read(ref _outputEnded);

    public int PendingRequestCount => _pending.Count;

    /// <summary>
    /// Reads records until the peer's End, the connection's end, a protocol error or an abort. Replies complete their
    /// requests; everything else goes to <paramref name="handler"/>. After End the connection's input is positioned
    /// just past the End record, ready for the next preamble.
    /// </summary>
    public async Task<SessionEnd> ReceiveAsync(IIncomingMessageHandler handler, TimeSpan idleTimeout)
    {
        var end = await ReceiveLoopAsync(handler, idleTimeout).ConfigureAwait(false);
        if (end.Kind != SessionEndKind.PeerEnded)
            _pending.FailAll(end.Error as CommunicationException ?? new CommunicationException(DescribeEnd(end), end.Error));
        else
            _pending.FailAll(new CommunicationException("The peer ended the session before replying."));
        return end;
    }

    private async Task<SessionEnd> ReceiveLoopAsync(IIncomingMessageHandler handler, TimeSpan idleTimeout)
    {
        var input = _connection.Input;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(_aborted.Token);
        while (true)
        {
            ReadResult result;
            try
            {
                // Busy is not idle: the idle timer stops while the handler catches up.
                var ready = handler.WhenReadyForMoreAsync(_aborted.Token);
                if (!ready.IsCompleted)
                {
                    idle.CancelAfter(Timeout.InfiniteTimeSpan);
                    await ready.ConfigureAwait(false);
                }
                if (idleTimeout != Timeout.InfiniteTimeSpan)
                    idle.CancelAfter(idleTimeout);
                result = await input.ReadAsync(idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return _aborted.IsCancellationRequested
                    ? new SessionEnd(SessionEndKind.Aborted, new CommunicationObjectAbortedException("The session was aborted."))
                    : new SessionEnd(SessionEndKind.Aborted, new TimeoutException($"The session was idle for longer than its receive timeout ({idleTimeout})."));
            }
            catch (Exception error)
            {
                return new SessionEnd(SessionEndKind.ConnectionLost, new CommunicationException("The connection was lost: " + error.Message, error));
            }

            var buffer = result.Buffer;
            SessionEnd? end = null;
            try
            {
                while (end is null && FramingRecordReader.TryRead(ref buffer, _limits, out var record))
                    end = HandleRecord(record, handler);
            }
            catch (FramingException error)
            {
                Exception reason = error.Fault == FramingFault.MaxMessageSizeExceeded
                    ? new QuotaExceededException(error.Message + " Raise MaxReceivedMessageSize on the receiving side's binding to accept it.", error)
                    : new ProtocolException(error.Message, error);
                end = new SessionEnd(SessionEndKind.Faulted, reason);
                if (error.Fault is { } fault)
                    await TrySendFaultAsync(fault).ConfigureAwait(false);
            }
            catch (CommunicationException error)
            {
                end = new SessionEnd(SessionEndKind.Faulted, error);
            }
            catch (Exception error)
            {
                _logger.LogError(error, "Session {SessionId}: handling a message failed; the session is faulted", Id);
                end = new SessionEnd(SessionEndKind.Faulted, new CommunicationException("The session failed: " + error.Message, error));
            }

            if (end is not null)
            {
                input.AdvanceTo(buffer.Start);
                return end;
            }
            if (result.IsCompleted)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                return buffer.IsEmpty
                    ? new SessionEnd(SessionEndKind.ConnectionLost, new CommunicationException("The connection was closed by the peer without ending the session."))
                    : new SessionEnd(SessionEndKind.Faulted, new ProtocolException("The connection was closed in the middle of a framing record."));
            }
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private SessionEnd? HandleRecord(in FramingRecord record, IIncomingMessageHandler handler)
    {
        switch (record.Type)
        {
            case FramingRecordType.SizedEnvelope:
                var bytes = record.Payload.ToArray();
                var message = _reader.ReadMessage(bytes, 0, bytes.Length);
                if (!_pending.TryComplete(message))
                    handler.OnMessage(message);
                return null;
            case FramingRecordType.End:
                return SessionEnd.PeerEnded;
            case FramingRecordType.Fault:
                return new SessionEnd(SessionEndKind.Faulted, FramingFaults.ToException(record.Text ?? "", "this session"));
            default:
                return new SessionEnd(SessionEndKind.Faulted, new ProtocolException($"Unexpected framing record {record.Type} inside a session."));
        }
    }

    /// <summary>
    /// Sends one message. Encoding happens under the send lock because it advances the outbound dictionary; a message
    /// that fails to encode (an unserializable body) is not sent and leaves the dictionary as it was.
    /// </summary>
    public async Task SendAsync(Message message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_outputEnded)
                throw new CommunicationObjectFaultedException("The session has ended; open a new channel.");
            var output = _connection.Output;
            _writer.WriteSizedEnvelope(message, output);
            var flushed = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (flushed.IsCompleted || flushed.IsCanceled)
                throw new CommunicationException("The connection was closed while sending.");
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw new CommunicationException("Sending failed: " + error.Message, error);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Sends a two-way request; the task completes with the reply as <paramref name="decode"/> reads it on the receive
    /// loop, or fails when no reply comes within <paramref name="timeout"/> or the session ends first.
    /// </summary>
    public Task<object?> RequestAsync(Message request, Func<Message, object?> decode, TimeSpan timeout)
    {
        if (InsideSingleConcurrencyOperation.Value == this)
            throw new InvalidOperationException(
                "This operation would deadlock because the reply cannot be received until the current message completes processing. " +
                "If you want to allow out-of-order message processing, specify ConcurrencyMode of Reentrant or Multiple on ServiceBehaviorAttribute " +
                "(CallbackBehaviorAttribute on a client), or make the operation one-way.");
        var id = _messageIds.Next();
        request.MessageId = id;
        var pending = _pending.Add(id, request.Action, decode, timeout);
        var sending = SendAsync(request, CancellationToken.None);
        // The usual case, a send that completed at once, costs no extra async step on the way back to the caller.
        return sending.IsCompletedSuccessfully ? pending.Completion.Task : WaitAfterSendingAsync(sending, id, pending);
    }

    private async Task<object?> WaitAfterSendingAsync(Task sending, UniqueId id, PendingReply pending)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (CommunicationException) when (pending.Completion.Task.IsFaulted)
        {
            // The session ended while this request was being sent (the peer's framing fault, say, and the
            // connection dropped after it): the reason the session ended, awaited below, says more than the send.
        }
        catch
        {
            _pending.Remove(id);
            throw;
        }
        return await pending.Completion.Task.ConfigureAwait(false);
    }

    /// <summary>Sends End: nothing more will be sent on this session.</summary>
    public async Task SendEndAsync(CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_outputEnded)
                return;
            _outputEnded = true;
            FramingRecordWriter.WriteEnd(_connection.Output);
            await _connection.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw new CommunicationException("Sending End failed: " + error.Message, error);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task TrySendFaultAsync(FramingFault fault)
    {
        try
        {
            await _sendLock.WaitAsync(_aborted.Token).ConfigureAwait(false);
            try
            {
                _outputEnded = true;
                FramingRecordWriter.WriteFault(_connection.Output, fault);
                await _connection.Output.FlushAsync().ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception error)
        {
            _logger.LogDebug(error, "Session {SessionId}: could not send the {Fault} fault", Id, fault);
        }
    }

    /// <summary>Stops the receive loop and fails every call in flight; the connection's owner drops the connection.</summary>
    public void Abort()
    {
        _outputEnded = true;
        _aborted.Cancel();
        _pending.FailAll(new CommunicationObjectAbortedException("The session was aborted."));
    }

    private static string DescribeEnd(SessionEnd end) => end.Kind switch
    {
        SessionEndKind.ConnectionLost => "The connection was lost.",
        SessionEndKind.Aborted => "The session was aborted.",
        _ => "The session faulted: " + end.Error?.Message,
    };
}
