using System.Text.RegularExpressions;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Session;

/// <summary>
/// A notification as a log line. The host sends each notification's fields as "Name: value, Name: value" and the ids it
/// concerns; the kinds this app knows get a sentence, any other kind is shown as it came, so new kinds need no change here.
/// </summary>
public static partial class NotificationText
{
    public static (LogKind Kind, string Text) Format(NotificationInfo item, NameDirectory names)
    {
        var fields = Fields(item.Text);
        string Field(string key) => fields.TryGetValue(key, out var value) ? value : "";
        string Entity(int index) => index < item.Entities.Count ? names.NameOf(item.Entities[index]) : "someone";

        return item.Kind switch
        {
            "ChatMessage" => (LogKind.Chat, $"{item.From} ({Field("Audience")}): {Field("Text")}"),
            "DiceRolled" => (LogKind.Dice, $"{(item.Entities.Count > 1 ? Entity(1) + ", " : "")}{Field("Purpose")}: {Field("Expression")} = {Field("Total")}{(Field("Physical") == "True" ? " (physical dice)" : "")}"),
            "PromptWaiting" => (LogKind.Prompt, $"waiting: {Field("Text")}"),
            "PromptAnswered" => (LogKind.Prompt, $"{Field("AnsweredBy")} answered a prompt"),
            "CreatureMoved" => (LogKind.Event, $"{Entity(0)} moved {Field("From")} -> {Field("To")}"),
            "MovementStopped" => (LogKind.Event, $"{Entity(0)} stopped at {Field("At")}: {Field("Reason")}"),
            "HitPointsChanged" => (LogKind.Event, $"{Entity(0)}: {Field("HitPoints")} hp ({Signed(Field("Delta"))}), {Field("Health")}"),
            "AttackResolved" => (LogKind.Event, Attack(Entity(0), Entity(1), Field("Hit") == "True", Field("Critical") == "True", Field("Damage"), Field("Opportunity") == "True")),
            "SpellCast" => (LogKind.Event, $"{Entity(0)} casts {Field("Spell")} at {Field("Center")}"),
            "TurnStarted" => (LogKind.Event, $"round {Field("Round")}: {Entity(0)}'s turn"),
            "CombatChanged" => (LogKind.Event, Field("InCombat") == "True" ? $"combat! round {Field("Round")}" : "combat is over"),
            "MapChanged" => (LogKind.Event, $"the map changed at {Field("Cell")}"),
            "PresenceChanged" => (LogKind.System, $"{Field("User")} is {(Field("Online") == "True" ? "online" : "offline")}"),
            "SystemEvent" => (LogKind.System, Field("What")),
            "StepFailed" => (LogKind.System, $"{Field("StepName")} failed: {Field("Error")}"),
            "ProcessEnded" => (LogKind.Event, $"{Field("Name")} {(Field("Completed") == "True" ? "done" : "ended: " + Field("Reason"))}"),
            _ => (LogKind.Event, $"{item.Kind}{(item.Entities.Count > 0 ? " " + string.Join(", ", item.Entities.Where(names.Knows).Select(names.NameOf)) : "")}: {item.Text}"),
        };
    }

    private static string Attack(string attacker, string target, bool hit, bool critical, string damage, bool opportunity)
    {
        var how = opportunity ? " (attack of opportunity)" : "";
        return hit ? $"{attacker} hits {target}{(critical ? " critically" : "")} for {damage}{how}" : $"{attacker} misses {target}{how}";
    }

    private static string Signed(string number) => int.TryParse(number, out var n) && n > 0 ? "+" + n : number;

    /// <summary>"A: 1, B: x, y" read back into fields; a "Text" field runs to the end, so chat may contain anything.</summary>
    public static Dictionary<string, string> Fields(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = FieldName().Matches(text);
        for (var i = 0; i < keys.Count; i++)
        {
            var name = keys[i].Groups[1].Value;
            var start = keys[i].Index + keys[i].Length;
            var last = name == "Text" || i + 1 == keys.Count;
            var end = last ? text.Length : keys[i + 1].Index;
            fields[name] = text[start..end].TrimStart(',', ' ').TrimEnd(',', ' ');
            if (last)
                break;
        }
        if (fields.TryGetValue("Text", out var value) && DeadlineSuffix().Match(value) is { Success: true } deadline)
            fields["Text"] = value[..deadline.Index];
        return fields;
    }

    [GeneratedRegex(@"(?:^|, )([A-Z][A-Za-z]*): ")]
    private static partial Regex FieldName();

    [GeneratedRegex(@", Deadline: [^,]*$")]
    private static partial Regex DeadlineSuffix();
}
