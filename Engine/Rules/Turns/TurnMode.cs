namespace Ikosa.Engine.Rules.Turns;

public enum TurnMode
{
    /// <summary>Out of combat: game time flows and only harmless actions are allowed.</summary>
    Time,

    /// <summary>Combat: creatures act in initiative order, one turn at a time.</summary>
    Initiative,
}
