namespace Ikosa.Engine.Rules.Map;

/// <summary>
/// Whether a straight line from the centre of one square to the centre of another is clear: every
/// square it passes through, apart from the two ends, must not block. Where the line passes exactly
/// through a corner it squeezes by unless both squares beside the corner block.
/// </summary>
public static class LineOfSight
{
    public static bool IsClear(SceneMap map, Cell from, Cell to)
    {
        int nx = Math.Abs(to.X - from.X), ny = Math.Abs(to.Y - from.Y);
        int sx = Math.Sign(to.X - from.X), sy = Math.Sign(to.Y - from.Y);
        int x = from.X, y = from.Y;
        for (int ix = 0, iy = 0; ix < nx || iy < ny;)
        {
            var decision = (1 + 2 * ix) * ny - (1 + 2 * iy) * nx;
            if (decision == 0)
            {
                if (map.Blocks(new Cell(x + sx, y)) && map.Blocks(new Cell(x, y + sy))) return false;
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
            var cell = new Cell(x, y);
            if (cell != to && map.Blocks(cell)) return false;
        }
        return true;
    }
}
