using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To the masters, the creature's controller and users whose creatures see it: where it went.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class CreatureMovedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Creature { get; set; }

    [DataMember(Order = 1)] public PointInfo From { get; set; } = new();

    [DataMember(Order = 2)] public PointInfo To { get; set; } = new();
}
