using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To the creature's controller and the masters: its hit points and health now.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class HitPointsChangedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Creature { get; set; }

    [DataMember(Order = 1)] public int HitPoints { get; set; }

    /// <summary>The change: negative for damage.</summary>
    [DataMember(Order = 2)] public int Delta { get; set; }

    /// <summary>Conscious, Disabled, Dying or Dead.</summary>
    [DataMember(Order = 3)] public string Health { get; set; } = "";
}
