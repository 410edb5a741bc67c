using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Creatures;

/// <summary>
/// A creature of the d20 rule set: its sheet and where it is. Derived figures (armor class, save bonuses, health) are
/// methods so that only the underlying numbers are stored. Creatures of another <see cref="Team"/> are enemies. A
/// creature that is new, moves or changes <see cref="Scene"/> is put with <see cref="Placement.Put"/>, which keeps the
/// index of who stands where right.
/// </summary>
[EntityName("rules.creature")]
public sealed record Creature(EntityId Id, string Name, string Team, AbilityScores Abilities, int MaxHitPoints, int HitPoints, Cell Position) : Entity(Id)
{
    /// <summary>The scene the creature is in; <see cref="Position"/> is a square of that scene's map.</summary>
    public EntityId Scene { get; init; } = Map.Scene.Default;

    /// <summary>The bestiary entry it was made from ("Goblin"), or null for a character written out in full.</summary>
    public string? Kind { get; init; }

    public CreatureSize Size { get; init; } = CreatureSize.Medium;

    /// <summary>Character level, or hit dice for a monster (a spell's caster level).</summary>
    public int Level { get; init; } = 1;

    public int BaseAttackBonus { get; init; }

    /// <summary>Armor, shield, natural armor and any other bonus to armor class together (not Dexterity nor size).</summary>
    public int ArmorBonus { get; init; }

    public SaveBonuses BaseSaves { get; init; } = new(0, 0, 0);

    /// <summary>Feet per move action.</summary>
    public int Speed { get; init; } = 30;

    /// <summary>How far the creature sees, in feet (the dungeon is lit; walls and doors still block).</summary>
    public int SightFeet { get; init; } = 120;

    public ImmutableList<Weapon> Weapons { get; init; } = ImmutableList<Weapon>.Empty;

    public ImmutableList<SpellUses> Spells { get; init; } = ImmutableList<SpellUses>.Empty;

    /// <summary>Skill modifiers as on a stat block ("Listen" = +2): stored for the sheet; no rule reads them yet.</summary>
    public ImmutableSortedDictionary<string, int> Skills { get; init; } = ImmutableSortedDictionary<string, int>.Empty;

    /// <summary>Feats by name: stored for the sheet; no rule reads them yet.</summary>
    public ImmutableList<string> Feats { get; init; } = ImmutableList<string>.Empty;

    /// <summary>What it carries, one item a line ("50 ft. of hemp rope"): stored for the sheet.</summary>
    public ImmutableList<string> Equipment { get; init; } = ImmutableList<string>.Empty;

    /// <summary>Conditions by SRD name ("prone", "shaken"): stored for the sheet; no rule reads them yet.</summary>
    public ImmutableSortedSet<string> Conditions { get; init; } = ImmutableSortedSet<string>.Empty;

    /// <summary>A dying creature that has stabilised no longer loses hit points.</summary>
    public bool IsStable { get; init; }

    public int StrengthModifier() => AbilityScores.Modifier(Abilities.Strength);

    public int DexterityModifier() => AbilityScores.Modifier(Abilities.Dexterity);

    public int ArmorClass() => 10 + ArmorBonus + DexterityModifier() + Size.Modifier();

    public int InitiativeModifier() => DexterityModifier();

    public int SaveBonus(SaveKind save) => save switch
    {
        SaveKind.Fortitude => BaseSaves.Fortitude + AbilityScores.Modifier(Abilities.Constitution),
        SaveKind.Reflex => BaseSaves.Reflex + DexterityModifier(),
        _ => BaseSaves.Will + AbilityScores.Modifier(Abilities.Wisdom),
    };

    public Health Health() => HitPoints switch
    {
        > 0 => Creatures.Health.Conscious,
        0 => Creatures.Health.Disabled,
        > -10 => Creatures.Health.Dying,
        _ => Creatures.Health.Dead,
    };

    /// <summary>Conscious or disabled: able to take actions.</summary>
    public bool CanAct() => Health() is Creatures.Health.Conscious or Creatures.Health.Disabled;

    public bool IsEnemyOf(Creature other) => !string.Equals(Team, other.Team, StringComparison.OrdinalIgnoreCase);

    public Weapon? MeleeWeapon() => Weapons.FirstOrDefault(w => !w.IsRanged());

    public Weapon? RangedWeapon() => Weapons.FirstOrDefault(w => w.IsRanged());

    public int AttackBonus(Weapon weapon) =>
        BaseAttackBonus + Size.Modifier() + weapon.Enhancement + (weapon.IsRanged() ? DexterityModifier() : StrengthModifier());

    /// <summary>The damage of a hit with <paramref name="weapon"/>: its dice, plus Strength for a melee weapon.</summary>
    public DiceExpression DamageRoll(Weapon weapon) => DiceExpression.Parse(weapon.Damage).Plus(weapon.IsRanged() ? 0 : StrengthModifier());

    public int SpellsLeft(string spell) => Spells.FirstOrDefault(s => s.Spell == spell)?.Remaining ?? 0;
}
