using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To both sides' controllers and the masters: how an attack went.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class AttackResolvedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Attacker { get; set; }

    [DataMember(Order = 1)] public Guid Target { get; set; }

    [DataMember(Order = 2)] public bool Hit { get; set; }

    [DataMember(Order = 3)] public bool Critical { get; set; }

    /// <summary>Hit points of damage dealt (0 on a miss).</summary>
    [DataMember(Order = 4)] public int Damage { get; set; }

    /// <summary>An attack of opportunity.</summary>
    [DataMember(Order = 5)] public bool Opportunity { get; set; }
}
