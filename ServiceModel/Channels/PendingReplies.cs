using System.Collections.Concurrent;
using System.Xml;

namespace Ikosa.ServiceModel.Channels;

/// <summary>
/// Two-way calls waiting for their reply, keyed by MessageID. A reply is recognised only by RelatesTo, as in WCF.
/// The reply body is decoded by the waiter's decoder on the receive loop, in receive order, because the inbound
/// dictionary session is not safe to read from another thread while the loop adds to it.
/// </summary>
internal sealed class PendingReplies
{
    private readonly ConcurrentDictionary<UniqueId, PendingReply> _pending = new();

    public PendingReply Add(UniqueId messageId, Func<Message, object?> decode)
    {
        var pending = new PendingReply(decode);
        _pending[messageId] = pending;
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
}

internal sealed class PendingReply(Func<Message, object?> decode)
{
    public Func<Message, object?> Decode { get; } = decode;

    public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
