using Ikosa.Contracts;

namespace Ikosa.Client.App.Commands;

/// <summary>
/// A path through the squares a character sees or remembers, so "move 5 3" need not list every square. It only saves
/// typing: the host still checks every step, and nothing unseen is assumed passable.
/// </summary>
public static class PathPlanner
{
    private const int MaxSquares = 64;

    /// <summary>The squares after <paramref name="from"/> up to <paramref name="to"/>, fewest diagonals first; null when no known way exists.</summary>
    public static IReadOnlyList<PointInfo>? Plan(ViewInfo view, (int X, int Y) from, (int X, int Y) to)
    {
        var passable = view.Visible.Concat(view.Remembered)
            .Where(c => c.Terrain is "floor" or "door-open" or "difficult")
            .Select(c => (c.X, c.Y))
            .ToHashSet();
        var occupied = view.Creatures.Select(c => (c.X, c.Y)).Where(p => p != from).ToHashSet();
        if (!passable.Contains(to) || occupied.Contains(to))
            return null;

        var cameFrom = new Dictionary<(int X, int Y), (int X, int Y)> { [from] = from };
        var frontier = new Queue<(int X, int Y)>();
        frontier.Enqueue(from);
        while (frontier.Count > 0 && cameFrom.Count < passable.Count + 1)
        {
            var here = frontier.Dequeue();
            if (here == to)
                return Walk(cameFrom, from, to);
            // Straight steps first, so ties prefer paths with fewer (dearer) diagonals.
            foreach (var (dx, dy) in Steps)
            {
                var next = (here.X + dx, here.Y + dy);
                if (passable.Contains(next) && !occupied.Contains(next) && cameFrom.TryAdd(next, here))
                    frontier.Enqueue(next);
            }
        }
        return null;
    }

    /// <summary>
    /// What walking <paramref name="path"/> from <paramref name="from"/> costs in feet, by the rule the host checks: every
    /// second diagonal costs double, difficult terrain double (a diagonal into it triple). Unknown squares cost as floor.
    /// </summary>
    public static int CostFeet(ViewInfo view, (int X, int Y) from, IReadOnlyList<PointInfo> path)
    {
        var difficult = view.Visible.Concat(view.Remembered).Where(c => c.Terrain == "difficult").Select(c => (c.X, c.Y)).ToHashSet();
        var (feet, diagonals, at) = (0, 0, from);
        foreach (var cell in path)
        {
            var diagonal = cell.X != at.X && cell.Y != at.Y;
            if (difficult.Contains((cell.X, cell.Y)))
                feet += (diagonal ? 3 : 2) * SquareFeet;
            else
            {
                if (diagonal)
                    diagonals++;
                feet += diagonal && diagonals % 2 == 0 ? 2 * SquareFeet : SquareFeet;
            }
            at = (cell.X, cell.Y);
        }
        return feet;
    }

    /// <summary>The side of a square.</summary>
    public const int SquareFeet = 5;

    private static readonly (int Dx, int Dy)[] Steps = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)];

    private static IReadOnlyList<PointInfo>? Walk(Dictionary<(int X, int Y), (int X, int Y)> cameFrom, (int X, int Y) from, (int X, int Y) to)
    {
        var path = new List<PointInfo>();
        for (var at = to; at != from && path.Count <= MaxSquares; at = cameFrom[at])
            path.Add(new PointInfo { X = at.X, Y = at.Y });
        path.Reverse();
        return path.Count > MaxSquares ? null : path;
    }
}
