namespace Ikosa.Engine.Rules.Mastering;

/// <summary>What a master may ask a creature to roll.</summary>
public enum CheckKind
{
    Ability,
    Skill,
    Save,
}
