namespace Ikosa.Engine.Rules.Creatures;

/// <summary>Base saving throw bonuses (from class and level), before ability modifiers.</summary>
public sealed record SaveBonuses(int Fortitude, int Reflex, int Will);
