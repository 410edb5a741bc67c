using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>An action a creature may take now, as computed on the host from the rules and its state.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class ActionInfo
{
    [DataMember(Order = 0)] public string Key { get; set; } = "";

    [DataMember(Order = 1)] public string Name { get; set; } = "";

    /// <summary>Standard, Move, Swift, Free, FiveFootStep, FullRound.</summary>
    [DataMember(Order = 2)] public string Time { get; set; } = "";

    /// <summary>What the action aims at, in order; each needs a target with the same key.</summary>
    [DataMember(Order = 3)] public List<AimingInfo> Aiming { get; set; } = new();
}

/// <summary>One thing an action aims at: "Creature", "Cell" or "Path", how many, how far, and the candidates.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class AimingInfo
{
    [DataMember(Order = 0)] public string Key { get; set; } = "";

    [DataMember(Order = 1)] public string Kind { get; set; } = "";

    [DataMember(Order = 2)] public int Min { get; set; }

    [DataMember(Order = 3)] public int Max { get; set; }

    [DataMember(Order = 4)] public int RangeFeet { get; set; }

    [DataMember(Order = 5)] public List<Guid> Candidates { get; set; } = new();

    [DataMember(Order = 6)] public string Prompt { get; set; } = "";
}

/// <summary>What a client asks to do: an action of one of its creatures, with targets.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class ActivityInfo
{
    [DataMember(Order = 0)] public Guid Creature { get; set; }

    [DataMember(Order = 1)] public string ActionKey { get; set; } = "";

    [DataMember(Order = 2)] public List<TargetInfo> Targets { get; set; } = new();
}

/// <summary>The targets for one aiming key: creatures, or cells (a path is cells in order).</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class TargetInfo
{
    [DataMember(Order = 0)] public string Key { get; set; } = "";

    [DataMember(Order = 1)] public List<Guid> Creatures { get; set; } = new();

    [DataMember(Order = 2)] public List<PointInfo> Cells { get; set; } = new();
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class PointInfo
{
    [DataMember(Order = 0)] public int X { get; set; }

    [DataMember(Order = 1)] public int Y { get; set; }
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class ResultInfo
{
    [DataMember(Order = 0)] public bool Accepted { get; set; }

    [DataMember(Order = 1)] public string? Error { get; set; }

    [DataMember(Order = 2)] public long Serial { get; set; }
}

/// <summary>A prompt waiting for an answer: "Reflex save for Mialee: roll d20+3?".</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class PrerequisiteInfo
{
    [DataMember(Order = 0)] public Guid Id { get; set; }

    [DataMember(Order = 1)] public Guid Step { get; set; }

    /// <summary>Roll, SavingThrow, Choice, SelectTargets, YesNo, Number, ActNow.</summary>
    [DataMember(Order = 2)] public string Kind { get; set; } = "";

    [DataMember(Order = 3)] public string Prompt { get; set; } = "";

    /// <summary>The creature that answers (its controller is asked), or null for the game master.</summary>
    [DataMember(Order = 4)] public Guid? Creature { get; set; }

    [DataMember(Order = 5)] public List<string> Options { get; set; } = new();

    [DataMember(Order = 6)] public int Min { get; set; }

    [DataMember(Order = 7)] public int Max { get; set; }

    [DataMember(Order = 8)] public string? DiceExpression { get; set; }

    [DataMember(Order = 9)] public bool PhysicalDiceAllowed { get; set; }
}

/// <summary>An answer to one prompt. Fill what the kind needs: a choice, targets, yes/no, a number, or a physical roll.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class AnswerInfo
{
    [DataMember(Order = 0)] public Guid Prerequisite { get; set; }

    [DataMember(Order = 1)] public Guid Step { get; set; }

    [DataMember(Order = 2)] public string? Choice { get; set; }

    [DataMember(Order = 3)] public List<Guid> Targets { get; set; } = new();

    [DataMember(Order = 4)] public bool? Yes { get; set; }

    /// <summary>A number, or the total of physical dice when the player may enter them; null asks the host to roll.</summary>
    [DataMember(Order = 5)] public int? Number { get; set; }
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class AnswerResultInfo
{
    [DataMember(Order = 0)] public Guid Prerequisite { get; set; }

    [DataMember(Order = 1)] public bool Accepted { get; set; }

    [DataMember(Order = 2)] public string? Error { get; set; }
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class CreatureInfo
{
    [DataMember(Order = 0)] public Guid Id { get; set; }

    [DataMember(Order = 1)] public string Name { get; set; } = "";

    [DataMember(Order = 2)] public string Team { get; set; } = "";

    [DataMember(Order = 3)] public int X { get; set; }

    [DataMember(Order = 4)] public int Y { get; set; }

    [DataMember(Order = 5)] public int HitPoints { get; set; }

    [DataMember(Order = 6)] public int MaxHitPoints { get; set; }

    [DataMember(Order = 7)] public int ArmorClass { get; set; }

    [DataMember(Order = 8)] public string State { get; set; } = "";

    /// <summary>The commit serial at which this creature last changed (for optimistic edits).</summary>
    [DataMember(Order = 9)] public long Version { get; set; }

    /// <summary>The whole sheet, for its controller and the masters; null for everyone else.</summary>
    [DataMember(Order = 10)] public CreatureSheetInfo? Sheet { get; set; }
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class TurnTrackerInfo
{
    [DataMember(Order = 0)] public bool InCombat { get; set; }

    [DataMember(Order = 1)] public int Round { get; set; }

    [DataMember(Order = 2)] public Guid? Current { get; set; }

    [DataMember(Order = 3)] public List<TurnEntryInfo> Order { get; set; } = new();
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class TurnEntryInfo
{
    [DataMember(Order = 0)] public Guid Creature { get; set; }

    [DataMember(Order = 1)] public string Name { get; set; } = "";

    [DataMember(Order = 2)] public int Initiative { get; set; }
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class DiceRollInfo
{
    [DataMember(Order = 0)] public string Purpose { get; set; } = "";

    [DataMember(Order = 1)] public string Expression { get; set; } = "";

    [DataMember(Order = 2)] public int Total { get; set; }

    [DataMember(Order = 3)] public bool Physical { get; set; }

    [DataMember(Order = 4)] public string? AskedBy { get; set; }
}
