using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To the masters, its controller and users whose creatures see the square: a creature is there now (placed by the master, or brought from another scene).</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class CreatureAppearedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Creature { get; set; }

    [DataMember(Order = 1)] public PointInfo At { get; set; } = new();
    [DataMember(Order = 2)] public string Name { get; set; } = "";
}
