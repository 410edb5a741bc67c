using Microsoft.Extensions.Logging;

namespace Ikosa.Engine.Notifications;

/// <summary>
/// One connected recipient's bounded outbound queue, handing its connection one batch at a time, in
/// commit order, through the shared <see cref="DeliveryScheduler"/>. Whatever piles up while a send is
/// in flight is coalesced into one batch; if even that stays over the bound, the recipient is
/// disconnected with a logged reason. Enqueueing never waits for the connection, so neither the writer
/// nor other recipients are held up.
/// </summary>
internal sealed class RecipientQueue
{
    private readonly Lock _lock = new();
    private readonly List<NotificationBatch> _pending = new();
    private readonly DeliveryScheduler _scheduler;
    private readonly int _maxPendingItems;
    private readonly ILogger _logger;
    private int _pendingItems;
    private bool _busy; // scheduled, or a send is in flight
    private bool _closed;

    public RecipientQueue(string recipient, IRecipientConnection connection, DeliveryScheduler scheduler, int maxPendingItems, ILogger logger)
    {
        Recipient = recipient;
        Connection = connection;
        _scheduler = scheduler;
        _maxPendingItems = maxPendingItems;
        _logger = logger;
    }

    public string Recipient { get; }

    public IRecipientConnection Connection { get; }

    public bool IsClosed
    {
        get
        {
            lock (_lock) return _closed;
        }
    }

    public void Enqueue(NotificationBatch batch)
    {
        string? overflow = null;
        var schedule = false;
        lock (_lock)
        {
            if (_closed) return;
            _pending.Add(batch);
            _pendingItems += batch.Items.Count;
            if (_pendingItems > _maxPendingItems) overflow = CoalesceOrGiveUp();
            if (overflow is null && !_busy) schedule = _busy = true;
        }
        if (overflow is not null) Drop(overflow, tellConnection: true);
        if (schedule) _scheduler.Schedule(this);
    }

    /// <summary>Stops delivery without telling the connection (the host closed it, or a new one replaced it).</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            _pending.Clear();
            _pendingItems = 0;
        }
    }

    /// <summary>Hands the connection everything pending, coalesced into one batch. Called by the scheduler; never throws.</summary>
    public void DeliverNext()
    {
        NotificationBatch next;
        lock (_lock)
        {
            if (_closed || _pending.Count == 0)
            {
                _busy = false;
                return;
            }
            next = NotificationBatch.Coalesce(_pending);
            _pending.Clear();
            _pendingItems = 0;
        }
        ValueTask sending;
        try
        {
            sending = Connection.SendAsync(next);
        }
        catch (Exception e)
        {
            SendFailed(next, e);
            return;
        }
        if (sending.IsCompletedSuccessfully) Sent();
        else _ = AwaitSend(sending, next);
    }

    private async Task AwaitSend(ValueTask sending, NotificationBatch batch)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            SendFailed(batch, e);
            return;
        }
        Sent();
    }

    private void Sent()
    {
        lock (_lock)
        {
            if (_closed || _pending.Count == 0)
            {
                _busy = false;
                return;
            }
        }
        _scheduler.Schedule(this);
    }

    private void SendFailed(NotificationBatch batch, Exception e)
    {
        lock (_lock) _busy = false;
        Drop($"sending batch {batch.Serial} failed: {e.Message}", tellConnection: false);
    }

    private string? CoalesceOrGiveUp()
    {
        var merged = NotificationBatch.Coalesce(_pending);
        _pending.Clear();
        _pending.Add(merged);
        _pendingItems = merged.Items.Count;
        return _pendingItems > _maxPendingItems
            ? $"notification queue over its bound ({_pendingItems} items pending, at most {_maxPendingItems}): the client is not keeping up"
            : null;
    }

    private void Drop(string reason, bool tellConnection)
    {
        Close();
        _logger.LogWarning("notifications to {Recipient} stopped: {Reason}", Recipient, reason);
        if (!tellConnection) return;
        ThreadPool.UnsafeQueueUserWorkItem(static state =>
        {
            var (queue, why) = state;
            try
            {
                queue.Connection.Disconnect(why);
            }
            catch (Exception e)
            {
                queue._logger.LogError(e, "disconnecting {Recipient} failed", queue.Recipient);
            }
        }, (this, reason), preferLocal: false);
    }
}
