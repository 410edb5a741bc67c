using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Magic;

/// <summary>
/// The area spell: 1d6 fire damage per caster level (at most 10d6) to every creature within 20 feet of
/// the centre square that the blast reaches (a clear line from the centre), Reflex save for half,
/// DC 10 + 3 (spell level) + the caster's Intelligence modifier.
/// </summary>
public static class Fireball
{
    public const string Spell = "fireball";
    public const int SpellLevel = 3;
    public const int RadiusFeet = 20;
    public const int MaxDice = 10;

    public static int RangeFeet(Creature caster) => 400 + 40 * caster.Level;

    public static int Difficulty(Creature caster) => 10 + SpellLevel + AbilityScores.Modifier(caster.Abilities.Intelligence);

    public static string Damage(Creature caster) => $"{Math.Clamp(caster.Level, 1, MaxDice)}d6";

    /// <summary>The living creatures of <paramref name="map"/>'s scene that the blast centred on <paramref name="center"/> reaches.</summary>
    public static IReadOnlyList<Creature> CaughtIn(IModelReader reader, SceneMap map, Cell center) =>
        Placement.Near(reader, map.Id, center, RadiusFeet / Cell.Feet)
            .Where(c => c.Health() != Health.Dead && c.Position.DistanceFeetTo(center) <= RadiusFeet)
            .Where(c => LineOfSight.IsClear(map, center, c.Position))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
}
