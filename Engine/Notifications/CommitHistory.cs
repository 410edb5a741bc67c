using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Notifications;

/// <summary>
/// The notifications of the most recent commits, for resuming a recipient that reconnects. Each commit
/// is kept compactly: recipients that got the very same item list (a channel message) share one entry,
/// because whatever is kept here is what the garbage collector copies while it is young. It is complete
/// for every commit after <see cref="CompleteAfter"/>: a client whose last serial is at least that can
/// be sent exactly what it missed; an older one must refetch.
/// </summary>
internal sealed class CommitHistory(long completeAfter, int capacity)
{
    private readonly Queue<Entry> _commits = new();

    public long CompleteAfter { get; private set; } = completeAfter;

    public void Add(CommittedTransaction commit)
    {
        if (commit.Notifications.Count == 0 || capacity == 0)
        {
            if (capacity == 0) CompleteAfter = commit.Serial;
            return;
        }
        var groups = new Dictionary<object, List<string>>(ReferenceEqualityComparer.Instance);
        foreach (var (recipient, items) in commit.Notifications)
        {
            if (!groups.TryGetValue(items, out var recipients)) groups[items] = recipients = new List<string>();
            recipients.Add(recipient);
        }
        _commits.Enqueue(new Entry(commit.Serial,
            groups.Select(g => new Group((IReadOnlyList<Notification>)g.Key, g.Value.ToArray())).ToArray()));
        if (_commits.Count > capacity) CompleteAfter = _commits.Dequeue().Serial;
    }

    /// <summary>The recipient's batches after <paramref name="lastSerial"/>, or null if some may no longer be kept.</summary>
    public IReadOnlyList<NotificationBatch>? Since(string recipient, long lastSerial)
    {
        if (lastSerial < CompleteAfter) return null;
        var batches = new List<NotificationBatch>();
        foreach (var commit in _commits)
        {
            if (commit.Serial <= lastSerial) continue;
            foreach (var group in commit.Groups)
            {
                if (Array.IndexOf(group.Recipients, recipient) < 0) continue;
                batches.Add(new NotificationBatch(commit.Serial, group.Items));
                break;
            }
        }
        return batches;
    }

    private sealed record Entry(long Serial, Group[] Groups);

    private readonly record struct Group(IReadOnlyList<Notification> Items, string[] Recipients);
}
