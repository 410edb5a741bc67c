using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To everyone in the game: combat started or ended, or the turn order changed.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class CombatChangedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public bool InCombat { get; set; }

    [DataMember(Order = 1)] public int Round { get; set; }
}
