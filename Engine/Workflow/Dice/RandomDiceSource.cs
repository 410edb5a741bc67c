using System.Security.Cryptography;

namespace Ikosa.Engine.Workflow.Dice;

/// <summary>The default source: unpredictable faces, so no player can foresee a roll.</summary>
public sealed class RandomDiceSource : IDiceSource
{
    public int Roll(int sides) => RandomNumberGenerator.GetInt32(1, sides + 1);
}
