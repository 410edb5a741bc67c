using System.ComponentModel.DataAnnotations;
using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>A stat block of the bestiary, which the master places creatures from by its name.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class MonsterInfo
{
    [DataMember(Order = 0)] public string Name { get; set; } = "";

    /// <summary>"Small", "Medium", "Large"...</summary>
    [DataMember(Order = 1)] public string Size { get; set; } = "";

    /// <summary>Hit dice, which stand for its level.</summary>
    [DataMember(Order = 2)] public int Level { get; set; }

    [DataMember(Order = 3)] public int HitPoints { get; set; }

    /// <summary>True for an entry of the campaign's own bestiary (which may replace an SRD entry of the same name).</summary>
    [DataMember(Order = 4)] public bool FromCampaign { get; set; }
}

/// <summary>A scene of the game: where creatures can be placed or moved to.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class SceneInfo
{
    [DataMember(Order = 0)] public Guid Id { get; set; }

    [DataMember(Order = 1)] public string Name { get; set; } = "";

    [DataMember(Order = 2)] public int Width { get; set; }

    [DataMember(Order = 3)] public int Height { get; set; }

    /// <summary>True for the scene the master's view opens on.</summary>
    [DataMember(Order = 4)] public bool Opening { get; set; }
}

/// <summary>A creature to put on a scene from the bestiary ("Goblin"), by default named after it with the next free number.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class PlacementInfo
{
    /// <summary>The bestiary entry, by its exact name.</summary>
    [DataMember(Order = 0)] public string Monster { get; set; } = "";

    /// <summary>The scene; the opening scene when null.</summary>
    [DataMember(Order = 1)] public Guid? Scene { get; set; }

    [DataMember(Order = 2)] [Range(0, 1023)] public int X { get; set; }

    [DataMember(Order = 3)] [Range(0, 1023)] public int Y { get; set; }

    /// <summary>Its name in the game; "Goblin 4" (the next free number) when null.</summary>
    [DataMember(Order = 4)] [MaxLength(64)] public string? Name { get; set; }

    /// <summary>Its side; the bestiary's ("monsters") when null.</summary>
    [DataMember(Order = 5)] [MaxLength(64)] public string? Team { get; set; }
}

public enum TerrainType
{
    Floor,
    Wall,
    Door,
    OpenDoor,
    Difficult,
}

/// <summary>A square of a map and what it becomes.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class CellEditInfo
{
    [DataMember(Order = 0)] [Range(0, 1023)] public int X { get; set; }

    [DataMember(Order = 1)] [Range(0, 1023)] public int Y { get; set; }

    [DataMember(Order = 2)] public TerrainType Terrain { get; set; }
}

public enum CheckType
{
    Ability,
    Skill,
    Save,
}

/// <summary>
/// A check a master asks of a creature: an ability (str, dex...), a skill (Listen, Knowledge (arcana)) or a save
/// (fortitude, reflex, will), against a difficulty that its player is not told when <see cref="Secret"/>.
/// </summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class CheckRequestInfo
{
    [DataMember(Order = 0)] public Guid Creature { get; set; }

    [DataMember(Order = 1)] public CheckType Type { get; set; }

    /// <summary>Which ability, skill or save.</summary>
    [DataMember(Order = 2)] [MaxLength(64)] public string Name { get; set; } = "";

    [DataMember(Order = 3)] [Range(0, 100)] public int Difficulty { get; set; }

    [DataMember(Order = 4)] public bool Secret { get; set; }
}
