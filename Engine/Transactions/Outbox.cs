using Ikosa.Engine.Notifications;

namespace Ikosa.Engine.Transactions;

/// <summary>
/// The notifications a transaction emitted, per recipient in emission order, held until commit and
/// dropped on rollback. A notification sent to many recipients (a channel message) is stored once,
/// in one shared one-item array, until a recipient gets a second item: a commit to a thousand
/// recipients then allocates, and keeps in the resume window, almost nothing per recipient.
/// </summary>
internal sealed class Outbox
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<Notification>> Empty =
        new Dictionary<string, IReadOnlyList<Notification>>();

    private readonly Dictionary<string, IReadOnlyList<Notification>> _byRecipient = new(StringComparer.Ordinal);
    private Notification? _lastShared;
    private Notification[]? _lastSharedItems;

    /// <summary>Makes room for this many more recipients at once, rather than growing step by step.</summary>
    public void Reserve(int moreRecipients) => _byRecipient.EnsureCapacity(_byRecipient.Count + moreRecipients);

    public void Add(string recipient, Notification notification)
    {
        if (!_byRecipient.TryGetValue(recipient, out var items))
        {
            if (!ReferenceEquals(_lastShared, notification))
            {
                _lastShared = notification;
                _lastSharedItems = [notification];
            }
            _byRecipient[recipient] = _lastSharedItems!;
        }
        else if (items is List<Notification> list)
        {
            list.Add(notification);
        }
        else
        {
            _byRecipient[recipient] = new List<Notification>(items) { notification };
        }
    }

    /// <summary>Takes everything out of the outbox (which may never have been created).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Notification>> Drain(ref Outbox? outbox)
    {
        var byRecipient = outbox?._byRecipient;
        outbox = null;
        return byRecipient ?? Empty;
    }
}
