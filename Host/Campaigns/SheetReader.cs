using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow.Dice;
using YamlDotNet.RepresentationModel;

namespace Ikosa.Host.Campaigns;

/// <summary>
/// Reads a creature's sheet (a character, or a bestiary stat block) written as the SRD prints one: armor class, saves and
/// each attack's bonus and damage are the totals on the page, and the host keeps the parts its rules add up, so that
/// the totals it computes in play are exactly the ones written.
/// </summary>
public static partial class SheetReader
{
    public static readonly string[] SheetFields =
    [
        "name", "team", "size", "level", "abilities", "hit-points", "armor-class", "base-attack", "saves", "speed", "sight",
        "attacks", "spells", "skills", "feats", "equipment",
    ];

    public static readonly string[] Abilities = ["str", "dex", "con", "int", "wis", "cha"];

    public static readonly string[] Saves = ["fortitude", "reflex", "will"];

    /// <summary>The sheet in <paramref name="fields"/> as a creature nowhere yet (no id, scene or position); never null: missing parts are errors and defaults.</summary>
    public static Creature Read(Fields fields, string defaultTeam)
    {
        var name = fields.Text("name", required: true) ?? "?";
        var team = fields.Text("team") ?? defaultTeam;
        var size = ReadSize(fields);
        var level = fields.Number("level", min: 1, max: 60) ?? 1;
        var abilities = ReadAbilities(fields, name);
        var hitPoints = fields.Number("hit-points", required: true, min: 1, max: 100_000) ?? 1;
        var armorClass = fields.Number("armor-class", required: true, min: 0, max: 200);
        var baseAttack = fields.Number("base-attack", min: 0, max: 60) ?? 0;
        var saves = ReadSaves(fields, name);
        var speed = fields.Number("speed", min: 0, max: 1000) ?? 30;
        if (speed % Cell.Feet != 0) fields.File.Error(fields.Node("speed")!, $"`speed` of {name} is in feet, a multiple of 5 (one square is 5 feet), not {speed}");
        var sight = fields.Number("sight", min: 0, max: 10_000) ?? 120;

        var creature = new Creature(default, name, team, abilities, hitPoints, hitPoints, default)
        {
            Size = size,
            Level = level,
            BaseAttackBonus = baseAttack,
            Speed = speed,
            SightFeet = sight,
        };
        creature = creature with
        {
            ArmorBonus = (armorClass ?? 10) - 10 - creature.DexterityModifier() - size.Modifier(),
            BaseSaves = new SaveBonuses(
                saves.Fortitude - AbilityScores.Modifier(abilities.Constitution),
                saves.Reflex - creature.DexterityModifier(),
                saves.Will - AbilityScores.Modifier(abilities.Wisdom)),
        };
        return creature with
        {
            Weapons = ReadAttacks(fields, creature),
            Spells = ReadSpells(fields, name),
            Skills = ReadSkills(fields, name),
            Feats = [.. fields.Texts("feats").Select(f => f.Text)],
            Equipment = [.. fields.Texts("equipment").Select(e => e.Text)],
        };
    }

    /// <summary>The conditions listed under <paramref name="field"/>, each an SRD condition.</summary>
    public static ImmutableSortedSet<string> ReadConditions(Fields fields, string field = "conditions")
    {
        var conditions = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var (text, node) in fields.Texts(field))
        {
            var known = SrdNames.Conditions.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
            if (known is null) fields.File.Error(node, $"`{text}` is not an SRD condition{Suggestions.Hint(text, SrdNames.Conditions, listWhenNoneClose: false)}");
            else conditions.Add(known);
        }
        return conditions.ToImmutable();
    }

    private static CreatureSize ReadSize(Fields fields)
    {
        if (fields.Text("size") is not { } text) return CreatureSize.Medium;
        if (Enum.TryParse<CreatureSize>(text, ignoreCase: true, out var size) && !int.TryParse(text, out _)) return size;
        fields.File.Error(fields.Node("size")!, $"`{text}` is not a size{Suggestions.Hint(text, Enum.GetNames<CreatureSize>().Select(n => n.ToLowerInvariant()))}");
        return CreatureSize.Medium;
    }

    private static AbilityScores ReadAbilities(Fields sheet, string name)
    {
        if (sheet.Mapping("abilities", required: true) is not { } node) return AbilityScores.Average;
        var fields = Fields.Of(sheet.File, node, $"the abilities of {name}", Abilities);
        var scores = Abilities.Select(a => fields.Number(a, required: true, min: 0, max: 99) ?? 10).ToArray();
        fields.Finish();
        return new AbilityScores(scores[0], scores[1], scores[2], scores[3], scores[4], scores[5]);
    }

    private static (int Fortitude, int Reflex, int Will) ReadSaves(Fields sheet, string name)
    {
        if (sheet.Mapping("saves", required: true) is not { } node) return (0, 0, 0);
        var fields = Fields.Of(sheet.File, node, $"the saves of {name}", Saves);
        var values = Saves.Select(s => fields.Number(s, required: true, min: -50, max: 100) ?? 0).ToArray();
        fields.Finish();
        return (values[0], values[1], values[2]);
    }

    private static ImmutableList<Weapon> ReadAttacks(Fields sheet, Creature creature)
    {
        var weapons = ImmutableList.CreateBuilder<Weapon>();
        foreach (var item in sheet.List("attacks")?.Children ?? [])
        {
            var fields = Fields.Of(sheet.File, item, $"an attack of {creature.Name}", "name", "bonus", "damage", "critical", "range");
            var name = fields.Text("name", required: true);
            var bonus = fields.Number("bonus", required: true, min: -50, max: 100);
            var damage = fields.Text("damage", required: true);
            var (threat, multiplier) = ReadCritical(fields);
            var range = fields.Number("range", min: 0, max: 10_000) ?? 0;
            fields.Finish();
            if (name is null || bonus is null || damage is null) continue;
            if (!DiceExpression.TryParse(damage, out var dice, out var error))
            {
                sheet.File.Error(fields.Node("damage")!, $"the damage of {name}: {error}");
                continue;
            }
            var key = CampaignIds.Slug(name);
            if (weapons.Any(w => w.Key == key))
            {
                sheet.File.Error(fields.At("name"), $"{creature.Name} has two attacks named `{name}`: name them apart");
                continue;
            }
            // The page's bonus and damage are totals; the rules add the ability modifier (and size) themselves.
            var weapon = new Weapon(key, name, "1", threat, multiplier, range);
            var ability = weapon.IsRanged() ? creature.DexterityModifier() : creature.StrengthModifier();
            weapons.Add(weapon with
            {
                Damage = dice.Plus(weapon.IsRanged() ? 0 : -creature.StrengthModifier()).ToString(),
                Enhancement = bonus.Value - (creature.BaseAttackBonus + creature.Size.Modifier() + ability),
            });
        }
        return weapons.ToImmutable();
    }

    private static (int ThreatFrom, int Multiplier) ReadCritical(Fields fields)
    {
        if (fields.Text("critical") is not { } text) return (20, 2);
        var match = Critical().Match(text.Replace(" ", "", StringComparison.Ordinal));
        if (match.Success && (match.Groups["from"].Success || match.Groups["times"].Success))
        {
            var from = match.Groups["from"].Success ? int.Parse(match.Groups["from"].Value) : 20;
            var times = match.Groups["times"].Success ? int.Parse(match.Groups["times"].Value) : 2;
            if (from is >= 2 and <= 20 && times is >= 2 and <= 6) return (from, times);
        }
        fields.File.Error(fields.Node("critical")!, $"`{text}` is not a critical range: write it as on a stat block, like `19-20`, `x3` or `19-20/x2`");
        return (20, 2);
    }

    private static ImmutableList<SpellUses> ReadSpells(Fields sheet, string name)
    {
        var spells = ImmutableList.CreateBuilder<SpellUses>();
        if (sheet.Mapping("spells") is not { } node) return spells.ToImmutable();
        foreach (var (key, value) in node.Children)
        {
            if (Fields.ReadText(sheet.File, key, $"a spell of {name}") is not { } spell) continue;
            if (Fields.ReadNumber(sheet.File, value, $"the castings left of {spell}", 0, 100) is { } left)
                spells.Add(new SpellUses(CampaignIds.Slug(spell), left));
        }
        return spells.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, int> ReadSkills(Fields sheet, string name)
    {
        var skills = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        if (sheet.Mapping("skills") is not { } node) return skills.ToImmutable();
        foreach (var (key, value) in node.Children)
        {
            if (Fields.ReadText(sheet.File, key, $"a skill of {name}") is not { } given) continue;
            var skill = SrdNames.Skill(given);
            if (skill is null)
            {
                var withSubject = SrdNames.SkillsWithSubject.Any(s => given.StartsWith(s, StringComparison.OrdinalIgnoreCase));
                sheet.File.Error(key, withSubject
                    ? $"`{given}` needs its subject in brackets, like `{given.Split('(')[0].Trim()} (arcana)`"
                    : $"`{given}` is not an SRD skill{Suggestions.Hint(given.Split('(')[0].Trim(), SrdNames.Skills, listWhenNoneClose: false)}");
                continue;
            }
            if (Fields.ReadNumber(sheet.File, value, $"the {skill} modifier of {name}", -50, 200) is { } modifier && !skills.TryAdd(skill, modifier))
                sheet.File.Error(key, $"{skill} is given twice for {name}");
        }
        return skills.ToImmutable();
    }

    [GeneratedRegex(@"^(?:(?<from>\d{1,2})(?:[-–]20)?)?(?:/?[x×](?<times>\d))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Critical();
}
