using System.Collections.Concurrent;
using System.Xml;

namespace Ikosa.ServiceModel.Channels;

/// <summary>
/// Two-way calls waiting for their reply, keyed by MessageID. A reply is recognised only by RelatesTo, as in WCF.
/// The reply body is decoded by the waiter's decoder on the receive loop, in receive order, because the inbound
/// dictionary session is not safe to read from another thread while the loop adds to it.
/// Timeouts share one timer per session, armed for the earliest deadline, instead of one timer per call: a call
/// costs no timer operation while an earlier deadline is already armed.
/// </summary>
internal sealed class PendingReplies
{
    /// <summary>The longest delay a Timer takes; a later deadline is checked again when the timer fires.</summary>
    private const long MaxTimerDelay = uint.MaxValue - 1;

    private readonly ConcurrentDictionary<UniqueId, PendingReply> _pending = new();
    private readonly object _timerGate = new();
    private readonly Timer _timer;
    private long _armedFor = long.MaxValue;

    public PendingReplies() => _timer = new Timer(static state => ((PendingReplies)state!).FailExpired(), this, Timeout.Infinite, Timeout.Infinite);

    /// <summary>
    /// Adds a waiter for the reply to the request <paramref name="action"/>; it fails with a <see cref="TimeoutException"/>
    /// when no reply comes within <paramref name="timeout"/>.
    /// </summary>
    public PendingReply Add(UniqueId messageId, string action, Func<Message, object?> decode, TimeSpan timeout)
    {
        var deadline = timeout == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Environment.TickCount64 + (long)Math.Ceiling(Math.Min(timeout.TotalMilliseconds, MaxTimerDelay));
        var pending = new PendingReply(action, decode, timeout, deadline);
        _pending[messageId] = pending;
        if (deadline != long.MaxValue)
            ArmFor(deadline);
        return pending;
    }

    public void Remove(UniqueId messageId) => _pending.TryRemove(messageId, out _);

    /// <summary>Completes the waiter of <paramref name="reply"/>; false when nothing waits for it.</summary>
    public bool TryComplete(Message reply)
    {
        if (reply.RelatesTo is not { } relatesTo || !_pending.TryRemove(relatesTo, out var pending))
            return false;
        try
        {
            pending.Completion.TrySetResult(pending.Decode(reply));
        }
        catch (Exception error)
        {
            pending.Completion.TrySetException(error);
        }
        return true;
    }

    public int Count => _pending.Count;

    public void FailAll(Exception error)
    {
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var pending))
                pending.Completion.TrySetException(error);
        }
    }

    private void ArmFor(long deadline)
    {
        lock (_timerGate)
        {
            if (deadline >= _armedFor)
                return;
            _armedFor = deadline;
            _timer.Change(Math.Clamp(deadline - Environment.TickCount64, 0, MaxTimerDelay), Timeout.Infinite);
        }
    }

    private void FailExpired()
    {
        // Disarmed first, so a waiter added during the sweep arms the timer itself if the sweep misses it.
        lock (_timerGate)
            _armedFor = long.MaxValue;
        var now = Environment.TickCount64;
        var earliest = long.MaxValue;
        foreach (var (key, pending) in _pending)
        {
            if (pending.Deadline <= now)
            {
                if (_pending.TryRemove(key, out _))
                    pending.Completion.TrySetException(new TimeoutException(
                        $"The request '{pending.Action}' got no reply within {pending.Timeout}. Increase SendTimeout if the operation is slow."));
            }
            else
            {
                earliest = Math.Min(earliest, pending.Deadline);
            }
        }
        if (earliest != long.MaxValue)
            ArmFor(earliest);
    }
}

internal sealed class PendingReply(string action, Func<Message, object?> decode, TimeSpan timeout, long deadline)
{
    public string Action { get; } = action;

    public TimeSpan Timeout { get; } = timeout;

    public Func<Message, object?> Decode { get; } = decode;

    /// <summary>When the waiter times out, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    public long Deadline { get; } = deadline;

    public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
