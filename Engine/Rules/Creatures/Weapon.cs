namespace Ikosa.Engine.Rules.Creatures;

/// <summary>
/// A weapon: its damage dice, critical threat range (<see cref="ThreatFrom"/>-20) and multiplier, and
/// for a ranged weapon its range increment (0 for melee).
/// </summary>
public sealed record Weapon(string Key, string Name, string Damage, int ThreatFrom = 20, int CriticalMultiplier = 2, int RangeIncrementFeet = 0, int Enhancement = 0)
{
    public bool IsRanged() => RangeIncrementFeet > 0;

    /// <summary>Ten range increments for projectile weapons.</summary>
    public int MaximumRangeFeet() => RangeIncrementFeet * 10;
}
