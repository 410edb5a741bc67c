namespace Ikosa.Engine.Rules.Turns;

/// <summary>What an action costs of a turn's budget.</summary>
public enum ActionTime
{
    Free,
    Swift,
    Move,
    Standard,
    FullRound,
    FiveFootStep,
}
