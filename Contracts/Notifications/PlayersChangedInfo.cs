using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To the masters and every user given or refused the creature: who may play it now.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class PlayersChangedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Creature { get; set; }

    [DataMember(Order = 1)] public List<string> Players { get; set; } = new();
}
