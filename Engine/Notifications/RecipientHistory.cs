namespace Ikosa.Engine.Notifications;

/// <summary>
/// The recent batches of one recipient. It is complete for every commit after
/// <see cref="CompleteAfter"/>: a client whose last serial is at least that can be sent exactly what it
/// missed; an older one must refetch.
/// </summary>
internal sealed class RecipientHistory(long completeAfter, int capacity)
{
    private readonly Queue<NotificationBatch> _batches = new();

    public long CompleteAfter { get; private set; } = completeAfter;

    public void Add(NotificationBatch batch)
    {
        _batches.Enqueue(batch);
        if (_batches.Count > capacity) CompleteAfter = _batches.Dequeue().Serial;
    }

    /// <summary>The batches after <paramref name="lastSerial"/>, or null if some of them are no longer kept.</summary>
    public IReadOnlyList<NotificationBatch>? Since(long lastSerial) =>
        lastSerial < CompleteAfter ? null : _batches.Where(b => b.Serial > lastSerial).ToList();
}
