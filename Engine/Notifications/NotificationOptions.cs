namespace Ikosa.Engine.Notifications;

public sealed record NotificationOptions
{
    /// <summary>
    /// How many notification items may wait for one recipient (after coalescing) before it is
    /// disconnected as too slow.
    /// </summary>
    public int MaxPendingItems { get; init; } = 10_000;

    /// <summary>How many recent batches are kept per recipient for resuming after a reconnect.</summary>
    public int HistoryPerRecipient { get; init; } = 256;
}
