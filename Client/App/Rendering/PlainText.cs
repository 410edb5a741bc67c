using System.Text;
using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Rendering;

/// <summary>The screen's parts as plain lines: for the scripted mode and for commands that print them.</summary>
public static class PlainText
{
    public const string Legend = "@ you  # wall  . floor  + closed door  / open door  (remembered: % wall  , floor)  capitals: heroes";

    public static IEnumerable<string> Map(ViewInfo? view, CreatureInfo? me)
    {
        if (view is null)
        {
            yield return "(no view: play a character with 'play NAME')";
            yield break;
        }
        var grid = new MapGrid(view, me);
        foreach (var ruler in MapView.Rulers(0, grid.Width, stride: 1, tens: grid.Width > 10))
            yield return "   " + ruler;
        for (var y = 0; y < grid.Height; y++)
        {
            var line = new StringBuilder($"{y,2} ");
            for (var x = 0; x < grid.Width; x++)
                line.Append(grid[x, y].Glyph);
            yield return line.ToString().TrimEnd();
        }
        if (me is not null)
            yield return $"   @ {me.Name} ({me.X},{me.Y}) {me.HitPoints}/{me.MaxHitPoints} hp, {me.State}";
        foreach (var token in view.Creatures.Where(t => t.Id != me?.Id).OrderBy(t => t.Name, StringComparer.Ordinal))
            yield return $"   {MapGrid.TokenGlyph(token)} {token.Name} ({token.X},{token.Y}) {token.State}";
    }

    public static IEnumerable<string> Turns(TurnTrackerInfo tracker)
    {
        if (!tracker.InCombat)
        {
            yield return "not in combat";
            yield break;
        }
        yield return $"round {tracker.Round}";
        foreach (var entry in tracker.Order)
            yield return $"{(entry.Creature == tracker.Current ? ">" : " ")} {entry.Initiative,3}  {entry.Name}";
    }

    public static IEnumerable<string> Prompts(IReadOnlyList<PrerequisiteInfo> prompts, NameDirectory names)
    {
        if (prompts.Count == 0)
            yield return "no prompts waiting";
        for (var i = 0; i < prompts.Count; i++)
            yield return $"#{i + 1} {Prompt(prompts[i], names)}";
    }

    /// <summary>"Tordek: roll initiative (roll 1d20+1)" with what an answer may be.</summary>
    public static string Prompt(PrerequisiteInfo prompt, NameDirectory names)
    {
        var hint = prompt.Kind switch
        {
            "Roll" or "SavingThrow" => $"roll {prompt.DiceExpression}{(prompt.PhysicalDiceAllowed ? ", or type your dice total" : "")}",
            "Choice" => "one of " + string.Join("/", prompt.Options),
            "YesNo" => "yes/no",
            "Number" => $"{prompt.Min}..{prompt.Max}",
            "ActNow" => "end or delay",
            "SelectTargets" => $"{prompt.Min}..{prompt.Max} creatures",
            _ => prompt.Kind,
        };
        var who = prompt.Creature is { } creature && !prompt.Prompt.StartsWith(names.NameOf(creature), StringComparison.Ordinal) ? names.NameOf(creature) + ": " : "";
        return $"{who}{prompt.Prompt} [{hint}]";
    }

    public static IEnumerable<string> Actions(IReadOnlyList<ActionInfo> actions)
    {
        if (actions.Count == 0)
            yield return "no actions now";
        foreach (var action in actions)
        {
            var aims = string.Join(" ", action.Aiming.Select(a => a.Kind switch
            {
                "Creature" => "<name>",
                "Cell" => "<x y>",
                "Path" => "<x y ...>",
                _ => $"<{a.Kind.ToLowerInvariant()}>",
            }));
            yield return $"{action.Key} {aims}".TrimEnd() + "  " + Describe(action);
        }
    }

    /// <summary>"standard action", or "Trip, standard action" when the name says more than the key already does.</summary>
    public static string Describe(ActionInfo action)
    {
        var time = TimeInWords(action.Time);
        var name = action.Name.Trim();
        var sameAsKey = string.Equals(name.Replace(' ', '-'), action.Key, StringComparison.OrdinalIgnoreCase);
        return sameAsKey || name.Length == 0 || string.Equals(name, time, StringComparison.OrdinalIgnoreCase) ? time : $"{name}, {time}";
    }

    /// <summary>How much of a turn an action takes, as the rules books say it.</summary>
    public static string TimeInWords(string time) => time switch
    {
        "Standard" => "standard action",
        "Move" => "move action",
        "Swift" => "swift action",
        "Free" => "free action",
        "FullRound" => "full-round action",
        "FiveFootStep" => "5-foot step",
        _ => time.ToLowerInvariant(),
    };

    public static IEnumerable<string> Dice(IReadOnlyList<DiceRollInfo> rolls)
    {
        if (rolls.Count == 0)
            yield return "no rolls yet";
        foreach (var roll in rolls)
            yield return $"{roll.Purpose}: {roll.Expression} = {roll.Total}{(roll.Physical ? " (physical)" : "")}{(roll.AskedBy is { } by ? " by " + by : "")}";
    }
}
