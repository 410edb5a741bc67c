using System.Globalization;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Rendering;

/// <summary>A creature's sheet as plain lines, for the terminal and for scripts.</summary>
public static class SheetText
{
    public static IReadOnlyList<string> Lines(CreatureInfo creature)
    {
        var sheet = creature.Sheet ?? throw new ArgumentException("the creature has no sheet", nameof(creature));
        var (a, s) = (sheet.Abilities, sheet.Saves);
        var lines = new List<string>
        {
            $"{creature.Name}: {Join(sheet.Kind, sheet.Size, sheet.Level > 0 ? $"level {sheet.Level}" : null)}",
            $"hp {creature.HitPoints}/{creature.MaxHitPoints}, AC {creature.ArmorClass}, {creature.State}; speed {sheet.Speed} ft, initiative {Signed(sheet.Initiative)}, base attack {Signed(sheet.BaseAttack)}",
            $"abilities: Str {a.Strength}, Dex {a.Dexterity}, Con {a.Constitution}, Int {a.Intelligence}, Wis {a.Wisdom}, Cha {a.Charisma}",
            $"saves: Fortitude {Signed(s.Fortitude)}, Reflex {Signed(s.Reflex)}, Will {Signed(s.Will)}",
        };
        lines.Add("attacks: " + List(sheet.Attacks.Select(x => $"{x.Name} {Signed(x.Bonus)} ({x.Damage}{(x.Critical.Length > 0 ? $", {x.Critical}" : "")}{(x.RangeFeet > 0 ? $", {x.RangeFeet} ft" : "")})")));
        lines.Add("spells: " + List(sheet.Spells.Select(x => $"{x.Spell} ({x.Remaining} left)")));
        lines.Add("skills: " + List(sheet.Skills.Select(x => $"{x.Name} {Signed(x.Modifier)}")));
        lines.Add("feats: " + List(sheet.Feats));
        lines.Add("equipment: " + List(sheet.Equipment));
        lines.Add("conditions: " + List(sheet.Conditions));
        lines.Add($"played by: {sheet.PlayedBy ?? "nobody now"}; may play it: {(sheet.Players.Count == 0 ? "the game master only" : string.Join(", ", sheet.Players))}");
        return lines;
    }

    private static string Signed(int value) => value.ToString("+0;-0;+0", CultureInfo.InvariantCulture);

    private static string List(IEnumerable<string> items) => items.ToList() is { Count: > 0 } all ? string.Join(", ", all) : "none";

    private static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrEmpty(p)));
}
