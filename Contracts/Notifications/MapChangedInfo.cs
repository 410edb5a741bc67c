using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>A door opened or closed at this square (to everyone in the game), or a master redrew it (to those who see it): sight lines changed.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class MapChangedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public PointInfo Cell { get; set; } = new();
}
