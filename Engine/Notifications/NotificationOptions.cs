namespace Ikosa.Engine.Notifications;

public sealed record NotificationOptions
{
    /// <summary>
    /// How many notification items may wait for one recipient (after coalescing) before it is
    /// disconnected as too slow.
    /// </summary>
    public int MaxPendingItems { get; init; } = 10_000;

    /// <summary>
    /// How many recent commits (with notifications) are kept for resuming recipients after a reconnect;
    /// a client that missed more must refetch.
    /// </summary>
    public int HistoryCommits { get; init; } = 1024;
}
