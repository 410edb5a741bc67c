namespace Ikosa.Engine.Notifications;

/// <summary>
/// What a client receives for each kind of notification: one declared function per record type that makes its contract
/// (on the wire, a data contract deriving from Ikosa.Contracts.NotificationInfo; the engine does not know that assembly,
/// the host checks it). The host fills one map with the standard kinds and each rule package's; a kind is declared once.
/// </summary>
public sealed class NotificationContracts
{
    private readonly Dictionary<Type, Declaration> _byNotification = new();

    /// <summary>The record types mapped, with their contract types.</summary>
    public IReadOnlyDictionary<Type, Type> Contracts => _byNotification.ToDictionary(d => d.Key, d => d.Value.ContractType);

    /// <summary>Declares what clients receive for <typeparamref name="TNotification"/>.</summary>
    /// <param name="kind">the kind clients see; the record type's name when null</param>
    /// <exception cref="ArgumentException">the notification type already has a contract</exception>
    public NotificationContracts Map<TNotification, TContract>(Func<TNotification, TContract> toContract, string? kind = null)
        where TNotification : Notification
        where TContract : class
    {
        ArgumentNullException.ThrowIfNull(toContract);
        Add(new Declaration(typeof(TNotification), typeof(TContract), kind ?? typeof(TNotification).Name, n => toContract((TNotification)n)));
        return this;
    }

    /// <summary>Adds every declaration of <paramref name="other"/>; a notification type declared in both is refused.</summary>
    public NotificationContracts Add(NotificationContracts other)
    {
        foreach (var declaration in other._byNotification.Values)
            Add(declaration);
        return this;
    }

    /// <summary>The contract for <paramref name="notification"/> and its kind, or false when its type has none.</summary>
    public bool TryMap(Notification notification, out object contract, out string kind)
    {
        if (_byNotification.TryGetValue(notification.GetType(), out var declaration))
        {
            (contract, kind) = (declaration.ToContract(notification), declaration.Kind);
            return true;
        }
        (contract, kind) = (null!, notification.GetType().Name);
        return false;
    }

    private void Add(Declaration declaration)
    {
        if (!_byNotification.TryAdd(declaration.NotificationType, declaration))
            throw new ArgumentException(
                $"notification {declaration.NotificationType.FullName} already has a contract ({_byNotification[declaration.NotificationType].ContractType.FullName})");
    }

    private sealed record Declaration(Type NotificationType, Type ContractType, string Kind, Func<Notification, object> ToContract);
}
