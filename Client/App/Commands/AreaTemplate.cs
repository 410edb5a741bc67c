using Ikosa.Contracts;

namespace Ikosa.Client.App.Commands;

/// <summary>
/// The squares an area spell would fill and the creatures in sight it would catch, previewed before it is cast: a burst
/// of a radius around a centre square, reaching what a straight line from the centre gets to without passing a wall or a
/// closed door. A preview only: the host decides whom the spell catches, including what this character cannot see.
/// </summary>
public static class AreaTemplate
{
    /// <summary>
    /// The radius of the actions with an area this app knows (the action contract does not carry areas yet): Fireball's
    /// 20-foot burst.
    /// </summary>
    public static int? RadiusFeet(string actionKey) => actionKey switch
    {
        "cast-fireball" => 20,
        _ => null,
    };

    public static (IReadOnlyList<PointInfo> Squares, IReadOnlyList<TokenInfo> Caught) Of(ViewInfo view, (int X, int Y) center, int radiusFeet, IEnumerable<TokenInfo> alsoThere)
    {
        var blocking = view.Visible.Concat(view.Remembered).Where(c => c.Terrain is "wall" or "door-closed").Select(c => (c.X, c.Y)).ToHashSet();
        var reach = radiusFeet / PathPlanner.SquareFeet;
        var squares = new List<PointInfo>();
        for (var y = center.Y - reach; y <= center.Y + reach; y++)
            for (var x = center.X - reach; x <= center.X + reach; x++)
                if (x >= 0 && y >= 0 && x < view.Width && y < view.Height && DistanceFeet(center, (x, y)) <= radiusFeet
                    && !blocking.Contains((x, y)) && IsClear(blocking, center, (x, y)))
                    squares.Add(new PointInfo { X = x, Y = y });
        var filled = squares.Select(s => (s.X, s.Y)).ToHashSet();
        var caught = view.Creatures.Concat(alsoThere).DistinctBy(t => t.Id)
            .Where(t => filled.Contains((t.X, t.Y)) && t.State != "Dead")
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return (squares, caught);
    }

    /// <summary>Distance on the grid, every second diagonal counting double.</summary>
    public static int DistanceFeet((int X, int Y) a, (int X, int Y) b)
    {
        var (dx, dy) = (Math.Abs(a.X - b.X), Math.Abs(a.Y - b.Y));
        return PathPlanner.SquareFeet * (Math.Max(dx, dy) + Math.Min(dx, dy) / 2);
    }

    // The same line as the host's line of sight: squares passed between the ends must not block; through a corner it
    // squeezes by unless both squares beside it block.
    private static bool IsClear(HashSet<(int X, int Y)> blocking, (int X, int Y) from, (int X, int Y) to)
    {
        int nx = Math.Abs(to.X - from.X), ny = Math.Abs(to.Y - from.Y);
        int sx = Math.Sign(to.X - from.X), sy = Math.Sign(to.Y - from.Y);
        int x = from.X, y = from.Y;
        for (int ix = 0, iy = 0; ix < nx || iy < ny;)
        {
            var decision = (1 + 2 * ix) * ny - (1 + 2 * iy) * nx;
            if (decision == 0)
            {
                if (blocking.Contains((x + sx, y)) && blocking.Contains((x, y + sy)))
                    return false;
                (x, y, ix, iy) = (x + sx, y + sy, ix + 1, iy + 1);
            }
            else if (decision < 0)
                (x, ix) = (x + sx, ix + 1);
            else
                (y, iy) = (y + sy, iy + 1);
            if ((x, y) != to && blocking.Contains((x, y)))
                return false;
        }
        return true;
    }
}
