namespace Ikosa.Engine.Rules.Map;

/// <summary>
/// Whether a straight line from the centre of one square to the centre of another is clear: every
/// square it passes through, apart from the two ends, must not block. Where the line passes exactly
/// through a corner it squeezes by unless both squares beside the corner block.
/// </summary>
public static class LineOfSight
{
    public static bool IsClear(SceneMap map, Cell from, Cell to) => IsClear(new MapSquares(map), from, to);

    /// <summary>The same line over any grid that says which squares block (a struct, so that each grid gets its own fast copy).</summary>
    internal static bool IsClear<TGrid>(TGrid grid, Cell from, Cell to) where TGrid : struct, IBlockingGrid
    {
        int nx = Math.Abs(to.X - from.X), ny = Math.Abs(to.Y - from.Y);
        int sx = Math.Sign(to.X - from.X), sy = Math.Sign(to.Y - from.Y);
        int x = from.X, y = from.Y;
        for (int ix = 0, iy = 0; ix < nx || iy < ny;)
        {
            var decision = (1 + 2 * ix) * ny - (1 + 2 * iy) * nx;
            if (decision == 0)
            {
                if (grid.Blocks(x + sx, y) && grid.Blocks(x, y + sy)) return false;
                x += sx;
                y += sy;
                ix++;
                iy++;
            }
            else if (decision < 0)
            {
                x += sx;
                ix++;
            }
            else
            {
                y += sy;
                iy++;
            }
            if ((x != to.X || y != to.Y) && grid.Blocks(x, y)) return false;
        }
        return true;
    }

    private readonly struct MapSquares(SceneMap map) : IBlockingGrid
    {
        public bool Blocks(int x, int y) => map.Blocks(new Cell(x, y));
    }
}

/// <summary>Which squares stop a line of sight.</summary>
internal interface IBlockingGrid
{
    bool Blocks(int x, int y);
}
