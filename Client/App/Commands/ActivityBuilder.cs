using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Commands;

/// <summary>
/// Turns typed arguments into an activity for an action, following what the host says the action aims at: creatures by
/// name ("attack goblin-1"), a square ("cast-fireball 5 5"), or a path ("move 3 4 3 5", or just the destination).
/// </summary>
public static class ActivityBuilder
{
    /// <param name="from">Where the actor stands, to plan a path to a lone destination; with <paramref name="view"/> null, paths are sent as typed.</param>
    public static (ActivityInfo? Activity, string? Error) Build(Guid actor, ActionInfo action, IReadOnlyList<string> args, NameDirectory names, ViewInfo? view, PointInfo? from = null)
    {
        var activity = new ActivityInfo { Creature = actor, ActionKey = action.Key };
        var next = 0;
        for (var i = 0; i < action.Aiming.Count; i++)
        {
            var aiming = action.Aiming[i];
            var isLast = i == action.Aiming.Count - 1;
            var remaining = args.Skip(next).ToList();
            if (remaining.Count == 0)
            {
                if (aiming.Min == 0)
                    continue;
                return (null, $"{action.Key} needs {Describe(aiming)}");
            }
            var target = new TargetInfo { Key = aiming.Key };
            switch (aiming.Kind)
            {
                case "Creature":
                    var typed = isLast ? string.Join(' ', remaining).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [remaining[0]];
                    next += isLast ? remaining.Count : 1;
                    foreach (var name in typed)
                    {
                        var found = names.Resolve(name, aiming.Candidates.Count > 0 ? aiming.Candidates : null);
                        if (!found.Ok)
                            return (null, found.Error);
                        target.Creatures.Add(found.Id);
                    }
                    break;
                case "Cell":
                    if (!TryCells(remaining.Take(2).ToList(), out var cell) || cell.Count != 1)
                        return (null, $"{action.Key} needs {Describe(aiming)} as two numbers: x y");
                    target.Cells.AddRange(cell);
                    next += 2;
                    break;
                case "Path":
                    var words = isLast ? remaining : remaining.Take(2).ToList();
                    if (!TryCells(words, out var cells))
                        return (null, $"{action.Key} needs {Describe(aiming)} as pairs of numbers: x y [x y ...]");
                    next += words.Count;
                    var (path, error) = Route(cells, view, from);
                    if (error is not null)
                        return (null, error);
                    target.Cells.AddRange(path!);
                    break;
                default:
                    return (null, $"this app cannot aim '{aiming.Kind}' yet");
            }
            activity.Targets.Add(target);
        }
        return next < args.Count
            ? (null, $"too many arguments for {action.Key}: '{string.Join(' ', args.Skip(next))}'")
            : (activity, null);
    }

    private static string Describe(AimingInfo aiming) =>
        string.IsNullOrWhiteSpace(aiming.Prompt) ? aiming.Kind.ToLowerInvariant() : aiming.Prompt;

    private static bool TryCells(IReadOnlyList<string> words, out List<PointInfo> cells)
    {
        cells = new List<PointInfo>();
        if (words.Count == 0 || words.Count % 2 != 0)
            return false;
        for (var i = 0; i < words.Count; i += 2)
        {
            if (!int.TryParse(words[i], out var x) || !int.TryParse(words[i + 1], out var y))
                return false;
            cells.Add(new PointInfo { X = x, Y = y });
        }
        return true;
    }

    /// <summary>A lone destination further than one square becomes a planned path; squares given one by one are sent as typed.</summary>
    private static (IReadOnlyList<PointInfo>? Path, string? Error) Route(List<PointInfo> cells, ViewInfo? view, PointInfo? me)
    {
        if (cells.Count != 1 || view is null || me is null)
            return (cells, null);
        var to = cells[0];
        if (Math.Abs(to.X - me.X) <= 1 && Math.Abs(to.Y - me.Y) <= 1)
            return (cells, null);
        var path = PathPlanner.Plan(view, (me.X, me.Y), (to.X, to.Y));
        return path is null ? (null, $"no known way from ({me.X},{me.Y}) to ({to.X},{to.Y}); give the squares one by one") : (path, null);
    }
}
