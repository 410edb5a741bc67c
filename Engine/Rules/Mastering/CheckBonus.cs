using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Workflow.Prerequisites;

namespace Ikosa.Engine.Rules.Mastering;

/// <summary>
/// What a creature adds to a d20 for a check a master asks for: an ability's modifier, a skill's modifier as on its
/// sheet (untrained: its key ability's modifier), or a saving throw's bonus. The names are the SRD's.
/// </summary>
public static class CheckBonus
{
    private static readonly (string Short, string Long)[] Abilities =
        [("str", "Strength"), ("dex", "Dexterity"), ("con", "Constitution"), ("int", "Intelligence"), ("wis", "Wisdom"), ("cha", "Charisma")];

    /// <summary>Each SRD skill and its key ability.</summary>
    private static readonly Dictionary<string, string> SkillAbilities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Appraise"] = "int", ["Balance"] = "dex", ["Bluff"] = "cha", ["Climb"] = "str", ["Concentration"] = "con", ["Craft"] = "int",
        ["Decipher Script"] = "int", ["Diplomacy"] = "cha", ["Disable Device"] = "int", ["Disguise"] = "cha", ["Escape Artist"] = "dex",
        ["Forgery"] = "int", ["Gather Information"] = "cha", ["Handle Animal"] = "cha", ["Heal"] = "wis", ["Hide"] = "dex",
        ["Intimidate"] = "cha", ["Jump"] = "str", ["Knowledge"] = "int", ["Listen"] = "wis", ["Move Silently"] = "dex",
        ["Open Lock"] = "dex", ["Perform"] = "cha", ["Profession"] = "wis", ["Ride"] = "dex", ["Search"] = "int",
        ["Sense Motive"] = "wis", ["Sleight of Hand"] = "dex", ["Speak Language"] = "int", ["Spellcraft"] = "int", ["Spot"] = "wis",
        ["Survival"] = "wis", ["Swim"] = "str", ["Tumble"] = "dex", ["Use Magic Device"] = "cha", ["Use Rope"] = "dex",
    };

    /// <summary>The check's name as players read it ("Listen check", "Reflex save") and its bonus; or why it cannot be made.</summary>
    public static (string Check, int Bonus)? For(Creature creature, CheckKind kind, string name, out string? error)
    {
        error = null;
        var given = (name ?? "").Trim();
        switch (kind)
        {
            case CheckKind.Ability when Ability(given) is { } ability:
                return ($"{ability.Long} check", AbilityModifier(creature, ability.Short));
            case CheckKind.Skill when Skill(given) is { } skill:
                var listed = creature.Skills.FirstOrDefault(s => string.Equals(s.Key, given, StringComparison.OrdinalIgnoreCase));
                return ($"{(listed.Key ?? skill)} check", listed.Key is not null ? listed.Value : AbilityModifier(creature, SkillAbilities[skill]));
            case CheckKind.Save when Save(given) is { } save:
                return ($"{save} save", creature.SaveBonus(save));
        }
        error = kind switch
        {
            CheckKind.Ability => $"'{given}' is not an ability: use str, dex, con, int, wis or cha",
            CheckKind.Skill => $"'{given}' is not an SRD skill (like Listen, Spot, Knowledge (arcana))",
            _ => $"'{given}' is not a saving throw: use fortitude, reflex or will",
        };
        return null;
    }

    private static (string Short, string Long)? Ability(string given) =>
        Abilities.Cast<(string Short, string Long)?>().FirstOrDefault(a =>
            string.Equals(a!.Value.Short, given, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Value.Long, given, StringComparison.OrdinalIgnoreCase));

    /// <summary>The skill's SRD name without its subject ("Knowledge" for "Knowledge (arcana)"), or null.</summary>
    private static string? Skill(string given)
    {
        var open = given.IndexOf('(');
        var name = (open < 0 ? given : given[..open]).Trim();
        return SkillAbilities.Keys.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
    }

    private static SaveKind? Save(string given) => given.ToLowerInvariant() switch
    {
        "fortitude" or "fort" => SaveKind.Fortitude,
        "reflex" or "ref" => SaveKind.Reflex,
        "will" => SaveKind.Will,
        _ => null,
    };

    private static int AbilityModifier(Creature creature, string ability) => AbilityScores.Modifier(ability switch
    {
        "str" => creature.Abilities.Strength,
        "dex" => creature.Abilities.Dexterity,
        "con" => creature.Abilities.Constitution,
        "int" => creature.Abilities.Intelligence,
        "wis" => creature.Abilities.Wisdom,
        _ => creature.Abilities.Charisma,
    });
}
