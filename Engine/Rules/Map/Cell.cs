namespace Ikosa.Engine.Rules.Map;

/// <summary>A square of the grid (5 feet across).</summary>
public readonly record struct Cell(int X, int Y)
{
    public const int Feet = 5;

    /// <summary>Distance in feet by the d20 rule: every second diagonal counts double.</summary>
    public int DistanceFeetTo(Cell other)
    {
        var dx = Math.Abs(other.X - X);
        var dy = Math.Abs(other.Y - Y);
        return Feet * (Math.Max(dx, dy) + Math.Min(dx, dy) / 2);
    }

    /// <summary>True for the eight surrounding squares (a creature with 5-foot reach threatens them).</summary>
    public bool IsAdjacentTo(Cell other) => other != this && Math.Abs(other.X - X) <= 1 && Math.Abs(other.Y - Y) <= 1;

    public IEnumerable<Cell> Neighbours()
    {
        for (var dy = -1; dy <= 1; dy++)
        for (var dx = -1; dx <= 1; dx++)
            if (dx != 0 || dy != 0) yield return new Cell(X + dx, Y + dy);
    }

    public override string ToString() => $"({X},{Y})";
}
