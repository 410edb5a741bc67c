namespace Ikosa.Engine.Workflow.Dice;

/// <summary>Where die faces come from: a random source in play, a seeded or scripted one in tests.</summary>
public interface IDiceSource
{
    /// <summary>One die with <paramref name="sides"/> faces: a number from 1 to <paramref name="sides"/>.</summary>
    int Roll(int sides);
}
