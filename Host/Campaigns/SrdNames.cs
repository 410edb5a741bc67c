namespace Ikosa.Host.Campaigns;

/// <summary>The d20 SRD's skill and condition names, to catch typos on a sheet.</summary>
public static class SrdNames
{
    public static readonly string[] Skills =
    [
        "Appraise", "Balance", "Bluff", "Climb", "Concentration", "Craft", "Decipher Script", "Diplomacy", "Disable Device",
        "Disguise", "Escape Artist", "Forgery", "Gather Information", "Handle Animal", "Heal", "Hide", "Intimidate", "Jump",
        "Knowledge", "Listen", "Move Silently", "Open Lock", "Perform", "Profession", "Ride", "Search", "Sense Motive",
        "Sleight of Hand", "Speak Language", "Spellcraft", "Spot", "Survival", "Swim", "Tumble", "Use Magic Device", "Use Rope",
    ];

    /// <summary>Skills written with what they are about: "Knowledge (arcana)", "Craft (trapmaking)".</summary>
    public static readonly string[] SkillsWithSubject = ["Craft", "Knowledge", "Perform", "Profession"];

    public static readonly string[] Conditions =
    [
        "ability damaged", "ability drained", "blinded", "blown away", "checked", "confused", "cowering", "dazed", "dazzled",
        "deafened", "energy drained", "entangled", "exhausted", "fascinated", "fatigued", "flat-footed", "frightened",
        "grappling", "helpless", "incorporeal", "invisible", "knocked down", "nauseated", "panicked", "paralyzed", "petrified",
        "pinned", "prone", "shaken", "sickened", "stable", "staggered", "stunned", "turned", "unconscious",
    ];

    /// <summary>The skill's SRD spelling ("move silently" is "Move Silently"; a subject keeps its own case), or null.</summary>
    public static string? Skill(string given)
    {
        var open = given.IndexOf('(');
        var name = (open < 0 ? given : given[..open]).Trim();
        var known = Skills.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
        if (known is null) return null;
        if (open < 0) return SkillsWithSubject.Contains(known) ? null : known;
        var subject = given[(open + 1)..].TrimEnd().TrimEnd(')').Trim();
        return SkillsWithSubject.Contains(known) && subject.Length > 0 && given.TrimEnd().EndsWith(')') ? $"{known} ({subject})" : null;
    }
}
