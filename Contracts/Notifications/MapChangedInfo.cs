using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To everyone in the game: a door opened or closed at this square, so sight lines changed.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class MapChangedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public PointInfo Cell { get; set; } = new();
}
