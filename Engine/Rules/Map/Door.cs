namespace Ikosa.Engine.Rules.Map;

/// <summary>A door filling a square: closed, it blocks movement and sight like a wall.</summary>
public sealed record Door(Cell Cell, bool IsOpen);
