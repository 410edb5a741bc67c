using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To everyone in the game: a spell went off at a square, catching these creatures.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class SpellCastInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Caster { get; set; }

    [DataMember(Order = 1)] public string Spell { get; set; } = "";

    [DataMember(Order = 2)] public PointInfo Center { get; set; } = new();

    [DataMember(Order = 3)] public List<Guid> Targets { get; set; } = new();
}
