using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To everyone in the game: whose turn it is now.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class TurnStartedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Creature { get; set; }

    [DataMember(Order = 1)] public int Round { get; set; }
}
