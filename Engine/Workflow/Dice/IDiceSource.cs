namespace Ikosa.Engine.Workflow.Dice;

/// <summary>Where die faces come from: a random source in play, a seeded or scripted one in tests.</summary>
public interface IDiceSource
{
    /// <summary>One die with <paramref name="sides"/> faces: a number from 1 to <paramref name="sides"/>.</summary>
    int Roll(int sides);

    /// <summary>
    /// Faces a transaction drew and then rolled back (it will be run again): a scripted source gives them back, so the
    /// retry draws the same faces; a random source forgets them.
    /// </summary>
    void Return(IReadOnlyList<int> faces)
    {
    }
}
