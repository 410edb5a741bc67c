using System.Collections.Immutable;
using Ikosa.Engine.Model;

namespace Ikosa.Engine.Rules.Actions;

/// <summary>
/// One thing an action needs aimed: its key in the activity's targets, what kind, how many
/// (<see cref="Min"/> to <see cref="Max"/>), within what range, and for creatures the candidates the
/// actor can pick right now (only creatures it can see).
/// </summary>
public sealed record AimingMode(string Key, AimKind Kind, int Min, int Max, int RangeFeet, ImmutableList<EntityId> Candidates, string Prompt);
