using System.Reflection;
using System.Text;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;

namespace Ikosa.Host.Mapping;

/// <summary>
/// Engine notifications to the wire, generically: the record's type name is the kind, its properties make the text, and
/// every entity id it carries is listed so the client knows what to refetch. New notification kinds need no code here.
/// </summary>
public static class NotificationMapper
{
    public static BatchInfo ToInfo(NotificationBatch batch) => new()
    {
        Serial = batch.Serial,
        Items = batch.Items.Select(ToInfo).ToList(),
        Notice = batch.IsNotice,
    };

    public static NotificationInfo ToInfo(Notification notification)
    {
        var type = notification.GetType();
        var info = new NotificationInfo { Kind = type.Name };
        var text = new StringBuilder();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == "EqualityContract")
                continue;
            var value = property.GetValue(notification);
            switch (value)
            {
                case EntityId id:
                    info.Entities.Add(id.Value);
                    break;
                case IEnumerable<EntityId> ids:
                    info.Entities.AddRange(ids.Select(i => i.Value));
                    break;
                default:
                    if (property.Name == "From" && value is string from)
                        info.From = from;
                    else if (value is not null)
                        text.Append(text.Length == 0 ? "" : ", ").Append(property.Name).Append(": ").Append(value);
                    break;
            }
        }
        info.Text = text.ToString();
        return info;
    }
}
