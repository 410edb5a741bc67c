namespace Ikosa.Engine.Notifications;

/// <summary>
/// What one recipient hears of one commit (or, when coalesced, of several: then <see cref="Serial"/> is
/// the last of them). A client remembers the serial of the last batch it got, to resume with it.
/// </summary>
public sealed record NotificationBatch(long Serial, IReadOnlyList<Notification> Items)
{
    /// <summary>
    /// A notice no commit carries (sent when nothing can be committed): <see cref="Serial"/> is the last commit's,
    /// and it is not kept for resuming.
    /// </summary>
    public bool IsNotice { get; init; }

    /// <summary>
    /// Merges consecutive batches into one: the last serial, and the items in order with exact repeats
    /// dropped (a notification tells the client what to re-read, so hearing it twice adds nothing).
    /// </summary>
    public static NotificationBatch Coalesce(IReadOnlyList<NotificationBatch> batches)
    {
        if (batches.Count == 1) return batches[0];
        var seen = new HashSet<Notification>();
        var items = new List<Notification>();
        foreach (var batch in batches)
        foreach (var item in batch.Items)
        {
            if (seen.Add(item)) items.Add(item);
        }
        // Serials only grow (a notice has the last commit's), so the last batch's serial is the highest.
        return new NotificationBatch(batches[^1].Serial, items) { IsNotice = batches.All(b => b.IsNotice) };
    }
}
