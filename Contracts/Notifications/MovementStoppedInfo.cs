using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To the mover's controller and the masters: the move ended early.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class MovementStoppedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Creature { get; set; }

    /// <summary>Where it stopped.</summary>
    [DataMember(Order = 1)] public PointInfo At { get; set; } = new();

    /// <summary>A wall, a closed door, someone in the way...</summary>
    [DataMember(Order = 2)] public string Reason { get; set; } = "";
}
