namespace Ikosa.Engine.Workflow.Dice;

/// <summary>A repeatable source: the same seed gives the same faces, for tests and replays.</summary>
public sealed class SeededDiceSource(int seed) : IDiceSource
{
    private readonly Random _random = new(seed);

    public int Roll(int sides)
    {
        lock (_random) return _random.Next(1, sides + 1);
    }
}
