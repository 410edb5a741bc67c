namespace Ikosa.Engine.Rules.Actions;

public enum AimKind
{
    /// <summary>Pick creatures (from the candidates offered).</summary>
    Creature,

    /// <summary>Pick a square.</summary>
    Cell,

    /// <summary>Give a path: squares one after another, starting next to the actor.</summary>
    Path,
}
