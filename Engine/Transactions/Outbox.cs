using Ikosa.Engine.Notifications;

namespace Ikosa.Engine.Transactions;

/// <summary>The notifications a transaction emitted, held until commit and dropped on rollback.</summary>
internal sealed class Outbox
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<Notification>> Empty =
        new Dictionary<string, IReadOnlyList<Notification>>();

    private Dictionary<string, List<Notification>>? _byRecipient;

    public void Add(string recipient, Notification notification)
    {
        _byRecipient ??= new Dictionary<string, List<Notification>>(StringComparer.Ordinal);
        if (!_byRecipient.TryGetValue(recipient, out var items))
            _byRecipient[recipient] = items = new List<Notification>();
        items.Add(notification);
    }

    /// <summary>Takes everything out of the outbox (which may never have been created).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Notification>> Drain(ref Outbox? outbox)
    {
        var byRecipient = outbox?._byRecipient;
        outbox = null;
        return byRecipient is null
            ? Empty
            : byRecipient.ToDictionary(p => p.Key, p => (IReadOnlyList<Notification>)p.Value, StringComparer.Ordinal);
    }
}
