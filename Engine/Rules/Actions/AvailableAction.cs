using System.Collections.Immutable;
using Ikosa.Engine.Rules.Turns;

namespace Ikosa.Engine.Rules.Actions;

/// <summary>An action a creature may take now, as offered to its player.</summary>
public sealed record AvailableAction(string Key, string DisplayName, ActionTime Time, bool IsHarmless, ImmutableList<AimingMode> Aiming);
