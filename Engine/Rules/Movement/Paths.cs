using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Movement;

/// <summary>
/// The cost of a path in feet (SRD): 5 per square, every second diagonal 10; a square of difficult terrain counts as
/// two (10 feet), and a diagonal into one as three (15 feet, not counted among the alternating diagonals).
/// </summary>
public static class Paths
{
    public static int CostFeet(SceneMap map, Cell start, IReadOnlyList<Cell> path)
    {
        var feet = 0;
        var diagonals = 0;
        var from = start;
        foreach (var cell in path)
        {
            var diagonal = cell.X != from.X && cell.Y != from.Y;
            if (map.IsDifficult(cell))
                feet += (diagonal ? 3 : 2) * Cell.Feet;
            else
            {
                if (diagonal) diagonals++;
                feet += diagonal && diagonals % 2 == 0 ? 2 * Cell.Feet : Cell.Feet;
            }
            from = cell;
        }
        return feet;
    }

    /// <summary>Null if each square of <paramref name="path"/> is next to the one before; otherwise why not.</summary>
    public static string? CheckSteps(Cell start, IReadOnlyList<Cell> path)
    {
        var from = start;
        foreach (var cell in path)
        {
            if (!cell.IsAdjacentTo(from)) return $"{cell} is not next to {from}: a path goes one square at a time";
            from = cell;
        }
        return null;
    }
}
