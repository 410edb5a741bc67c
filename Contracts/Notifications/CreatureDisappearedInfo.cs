using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To the masters, its controller and users whose creatures saw it: a creature is gone from that square (removed, or taken to another scene).</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class CreatureDisappearedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Creature { get; set; }

    [DataMember(Order = 1)] public PointInfo At { get; set; } = new();
}
