using System.Collections.Concurrent;
using Ikosa.Contracts;
using Ikosa.Engine.Notifications;
using Microsoft.Extensions.Logging;

namespace Ikosa.Host.Mapping;

/// <summary>
/// Engine notifications to the wire, through the declared contracts (<see cref="StandardNotifications"/> and the rule
/// packages'): each becomes its typed <see cref="NotificationInfo"/>, with its kind. A notification nobody declared a
/// contract for reaches clients as an <see cref="UnknownNotificationInfo"/> of its kind, and is logged once: a batch is
/// never lost for it.
/// </summary>
public sealed class NotificationMapper(NotificationContracts contracts, ILogger logger)
{
    private readonly ConcurrentDictionary<Type, bool> _undeclared = new();

    public BatchInfo ToInfo(NotificationBatch batch) => new()
    {
        Serial = batch.Serial,
        Items = batch.Items.Select(ToInfo).ToList(),
        Notice = batch.IsNotice,
    };

    public NotificationInfo ToInfo(Notification notification)
    {
        if (contracts.TryMap(notification, out var contract, out var kind))
        {
            var info = (NotificationInfo)contract;
            info.Kind = kind;
            return info;
        }
        if (_undeclared.TryAdd(notification.GetType(), true))
            logger.LogError("Notification {Type} has no contract; clients receive it as an unknown notification. Declare one (see Engine/README.md, notifications).",
                notification.GetType().FullName);
        return new UnknownNotificationInfo { Kind = kind };
    }
}
