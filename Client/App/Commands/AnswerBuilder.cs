using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Commands;

/// <summary>
/// An answer to one prompt from what was typed after "answer": nothing lets the host roll (or ends the turn), a number
/// is a physical roll or a number, "yes"/"no", an option's key, or creature names for a choice of targets.
/// </summary>
public static class AnswerBuilder
{
    public static (AnswerInfo? Answer, string? Error) Build(PrerequisiteInfo prompt, IReadOnlyList<string> args, NameDirectory names)
    {
        var answer = new AnswerInfo { Prerequisite = prompt.Id, Step = prompt.Step };
        var value = string.Join(' ', args).Trim();
        switch (prompt.Kind)
        {
            case "Roll" or "SavingThrow":
                if (value.Length == 0)
                    return (answer, null);
                if (!int.TryParse(value, out var rolled))
                    return (null, "answer a roll with nothing (the host rolls) or the total of your physical dice");
                if (!prompt.PhysicalDiceAllowed)
                    return (null, "the game master has not allowed you physical dice; answer with nothing and the host rolls");
                answer.Number = rolled;
                return (answer, null);
            case "Number":
                if (!int.TryParse(value, out var number))
                    return (null, $"answer with a number from {prompt.Min} to {prompt.Max}");
                answer.Number = number;
                return (answer, null);
            case "YesNo":
                answer.Yes = value.ToLowerInvariant() switch
                {
                    "y" or "yes" => true,
                    "n" or "no" => false,
                    _ => null,
                };
                return answer.Yes is null ? (null, "answer yes or no") : (answer, null);
            case "Choice":
                var option = prompt.Options.FirstOrDefault(o => string.Equals(o, value, StringComparison.OrdinalIgnoreCase));
                if (option is null)
                    return (null, $"choose one of: {string.Join(", ", prompt.Options)}");
                answer.Choice = option;
                return (answer, null);
            case "ActNow":
                answer.Choice = value.ToLowerInvariant() switch
                {
                    "" or "end" => "EndTurn",
                    "delay" => "Delay",
                    _ => null,
                };
                return answer.Choice is null ? (null, "answer 'end' (or nothing) to end the turn, or 'delay'") : (answer, null);
            case "SelectTargets":
                foreach (var name in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var found = names.Resolve(name);
                    if (!found.Ok)
                        return (null, found.Error);
                    answer.Targets.Add(found.Id);
                }
                return (answer, null);
            default:
                return (null, $"this app cannot answer '{prompt.Kind}' prompts yet");
        }
    }
}
