using Ikosa.Engine.Gate;
using Ikosa.Engine.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Engine.Notifications;

/// <summary>
/// Turns each commit's notifications into one batch per recipient, records it in that recipient's
/// recent history and hands it to the recipient's outbound queue if it is connected. Runs as a commit
/// listener, so it sees commits durable, after the lock is released, and in serial order.
/// </summary>
public sealed class NotificationDispatcher : ICommitListener
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RecipientQueue> _connected = new(StringComparer.Ordinal);
    private readonly DeliveryScheduler _scheduler = new();
    private readonly NotificationOptions _options;
    private readonly ILogger _logger;
    private readonly CommitHistory _history;
    private long _serial;

    /// <param name="startSerial">the gate's serial when this dispatcher starts hearing commits (history is complete after it)</param>
    public NotificationDispatcher(long startSerial, NotificationOptions? options = null, ILogger<NotificationDispatcher>? logger = null)
    {
        _options = options ?? new NotificationOptions();
        if (_options.MaxPendingItems < 1 || _options.HistoryCommits < 0)
            throw new ArgumentOutOfRangeException(nameof(options), "MaxPendingItems must be positive and HistoryCommits not negative");
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _serial = startSerial;
        _history = new CommitHistory(startSerial, _options.HistoryCommits);
    }

    /// <summary>The serial of the last commit released to recipients.</summary>
    public long Serial
    {
        get
        {
            lock (_lock) return _serial;
        }
    }

    /// <summary>
    /// Attaches a recipient's connection, replacing any earlier one. With <paramref name="lastSerial"/>
    /// (the serial of the last batch the client got), every batch it missed is queued first, with no gap
    /// and no repeat, or the result says it must refetch.
    /// </summary>
    public ResumeResult Connect(string recipient, IRecipientConnection connection, long? lastSerial = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(recipient);
        ArgumentNullException.ThrowIfNull(connection);
        lock (_lock)
        {
            if (_connected.Remove(recipient, out var old)) old.Close();
            var queue = new RecipientQueue(recipient, connection, _scheduler, _options.MaxPendingItems, _logger);
            _connected[recipient] = queue;
            if (lastSerial is not { } last) return new ResumeResult(ResumeKind.Fresh, 0, _serial);

            var missed = last > _serial ? null : _history.Since(recipient, last);
            if (missed is null)
            {
                _logger.LogInformation("{Recipient} resumes from serial {Last}, not in the kept history; it must refetch", recipient, last);
                return new ResumeResult(ResumeKind.RefetchRequired, 0, _serial);
            }
            foreach (var batch in missed) queue.Enqueue(batch);
            return new ResumeResult(ResumeKind.Resumed, missed.Count, _serial);
        }
    }

    /// <summary>Detaches the recipient if <paramref name="connection"/> is still its current one; its history is kept.</summary>
    public void Disconnect(string recipient, IRecipientConnection connection)
    {
        lock (_lock)
        {
            if (_connected.TryGetValue(recipient, out var queue) && ReferenceEquals(queue.Connection, connection))
            {
                _connected.Remove(recipient);
                queue.Close();
            }
        }
    }

    /// <summary>
    /// Tells the connected <paramref name="recipients"/> something no commit can carry (the store cannot save, so
    /// nothing can be committed): a notice batch after whatever they were sent, not kept for resuming.
    /// </summary>
    public void Notice(IEnumerable<string> recipients, Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        lock (_lock)
        {
            var batch = new NotificationBatch(_serial, [notification]) { IsNotice = true };
            foreach (var recipient in recipients.Distinct(StringComparer.Ordinal))
            {
                if (_connected.TryGetValue(recipient, out var queue) && !queue.IsClosed) queue.Enqueue(batch);
            }
        }
    }

    public bool IsConnected(string recipient)
    {
        lock (_lock) return _connected.TryGetValue(recipient, out var queue) && !queue.IsClosed;
    }

    public void OnCommitted(CommittedTransaction commit)
    {
        lock (_lock)
        {
            _serial = commit.Serial;
            _history.Add(commit);
            foreach (var (recipient, items) in commit.Notifications)
            {
                if (!_connected.TryGetValue(recipient, out var queue)) continue;
                if (queue.IsClosed) _connected.Remove(recipient);
                else queue.Enqueue(new NotificationBatch(commit.Serial, items));
            }
        }
    }
}
