namespace Ikosa.Engine.Rules.Creatures;

/// <summary>A spell a creature can cast, and how many more times today.</summary>
public sealed record SpellUses(string Spell, int Remaining);
