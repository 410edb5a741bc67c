namespace Ikosa.Engine.Rules.Creatures;

public sealed record AbilityScores(int Strength, int Dexterity, int Constitution, int Intelligence, int Wisdom, int Charisma)
{
    public static readonly AbilityScores Average = new(10, 10, 10, 10, 10, 10);

    /// <summary>The d20 modifier of a score: (score - 10) / 2, rounded down.</summary>
    public static int Modifier(int score) => (int)Math.Floor((score - 10) / 2.0);
}
