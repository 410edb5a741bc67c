using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Notifications;

/// <summary>
/// The notifications of the most recent commits, for resuming a recipient that reconnects. It holds
/// the commits themselves (not a copy per recipient), so keeping history costs little beyond the
/// notifications. It is complete for every commit after <see cref="CompleteAfter"/>: a client whose
/// last serial is at least that can be sent exactly what it missed; an older one must refetch.
/// </summary>
internal sealed class CommitHistory(long completeAfter, int capacity)
{
    private readonly Queue<CommittedTransaction> _commits = new();

    public long CompleteAfter { get; private set; } = completeAfter;

    public void Add(CommittedTransaction commit)
    {
        if (commit.Notifications.Count == 0) return;
        _commits.Enqueue(commit);
        if (_commits.Count > capacity) CompleteAfter = _commits.Dequeue().Serial;
    }

    /// <summary>The recipient's batches after <paramref name="lastSerial"/>, or null if some may no longer be kept.</summary>
    public IReadOnlyList<NotificationBatch>? Since(string recipient, long lastSerial)
    {
        if (lastSerial < CompleteAfter) return null;
        var batches = new List<NotificationBatch>();
        foreach (var commit in _commits)
        {
            if (commit.Serial > lastSerial && commit.Notifications.TryGetValue(recipient, out var items))
                batches.Add(new NotificationBatch(commit.Serial, items));
        }
        return batches;
    }
}
