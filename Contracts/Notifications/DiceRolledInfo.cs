using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>A roll was made and logged (fetch the whole entry with GetDiceLog).</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class DiceRolledInfo : NotificationInfo
{
    /// <summary>The dice log entry.</summary>
    [DataMember(Order = 0)] public Guid Roll { get; set; }

    /// <summary>Whose roll it is, if a creature's.</summary>
    [DataMember(Order = 1)] public Guid? Creature { get; set; }

    /// <summary>E.g. "Reflex save".</summary>
    [DataMember(Order = 2)] public string Purpose { get; set; } = "";

    /// <summary>E.g. "1d20+2".</summary>
    [DataMember(Order = 3)] public string Expression { get; set; } = "";

    [DataMember(Order = 4)] public int Total { get; set; }

    /// <summary>Rolled at the table by the player, not by the host.</summary>
    [DataMember(Order = 5)] public bool Physical { get; set; }
}
