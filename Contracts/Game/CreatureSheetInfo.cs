using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>
/// A creature's whole sheet, as its controller and the masters read it (in <see cref="CreatureInfo.Sheet"/>); nobody else
/// gets it. Bonuses are the totals the rules use.
/// </summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class CreatureSheetInfo
{
    /// <summary>The bestiary entry it was made from, or null for a character.</summary>
    [DataMember(Order = 0)] public string? Kind { get; set; }

    [DataMember(Order = 1)] public string Size { get; set; } = "";

    [DataMember(Order = 2)] public int Level { get; set; }

    [DataMember(Order = 3)] public AbilitiesInfo Abilities { get; set; } = new();

    [DataMember(Order = 4)] public SavesInfo Saves { get; set; } = new();

    [DataMember(Order = 5)] public int BaseAttack { get; set; }

    [DataMember(Order = 6)] public int Initiative { get; set; }

    /// <summary>Feet per move action.</summary>
    [DataMember(Order = 7)] public int Speed { get; set; }

    [DataMember(Order = 8)] public int SightFeet { get; set; }

    [DataMember(Order = 9)] public List<AttackInfo> Attacks { get; set; } = new();

    [DataMember(Order = 10)] public List<SpellUsesInfo> Spells { get; set; } = new();

    [DataMember(Order = 11)] public List<SkillInfo> Skills { get; set; } = new();

    [DataMember(Order = 12)] public List<string> Feats { get; set; } = new();

    [DataMember(Order = 13)] public List<string> Equipment { get; set; } = new();

    [DataMember(Order = 14)] public List<string> Conditions { get; set; } = new();

    /// <summary>The users who may play it.</summary>
    [DataMember(Order = 15)] public List<string> Players { get; set; } = new();

    /// <summary>The user playing it now, or null.</summary>
    [DataMember(Order = 16)] public string? PlayedBy { get; set; }
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class AbilitiesInfo
{
    [DataMember(Order = 0)] public int Strength { get; set; }

    [DataMember(Order = 1)] public int Dexterity { get; set; }

    [DataMember(Order = 2)] public int Constitution { get; set; }

    [DataMember(Order = 3)] public int Intelligence { get; set; }

    [DataMember(Order = 4)] public int Wisdom { get; set; }

    [DataMember(Order = 5)] public int Charisma { get; set; }
}

/// <summary>Saving throw bonuses, ability modifiers included.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class SavesInfo
{
    [DataMember(Order = 0)] public int Fortitude { get; set; }

    [DataMember(Order = 1)] public int Reflex { get; set; }

    [DataMember(Order = 2)] public int Will { get; set; }
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class AttackInfo
{
    [DataMember(Order = 0)] public string Name { get; set; } = "";

    [DataMember(Order = 1)] public int Bonus { get; set; }

    [DataMember(Order = 2)] public string Damage { get; set; } = "";

    /// <summary>As the SRD writes it: "19-20/x2".</summary>
    [DataMember(Order = 3)] public string Critical { get; set; } = "";

    /// <summary>The range increment in feet; 0 for a melee weapon.</summary>
    [DataMember(Order = 4)] public int RangeFeet { get; set; }
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class SpellUsesInfo
{
    [DataMember(Order = 0)] public string Spell { get; set; } = "";

    [DataMember(Order = 1)] public int Remaining { get; set; }
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class SkillInfo
{
    [DataMember(Order = 0)] public string Name { get; set; } = "";

    [DataMember(Order = 1)] public int Modifier { get; set; }
}
