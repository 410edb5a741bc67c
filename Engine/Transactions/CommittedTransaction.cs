using Ikosa.Engine.Notifications;

namespace Ikosa.Engine.Transactions;

/// <summary>
/// What a committed write did: its serial, the entities it changed (what the store persists and the
/// task service arms), and its notifications grouped per recipient, each list in emission order.
/// </summary>
public sealed record CommittedTransaction(
    long Serial,
    IReadOnlyList<EntityChange> Changes,
    IReadOnlyDictionary<string, IReadOnlyList<Notification>> Notifications);
