using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Turns;

namespace Ikosa.Engine.Rules.Views;

/// <summary>
/// The turn order as one user may see it: a master sees every combatant; a player sees their own
/// creatures and those their creatures can see.
/// </summary>
public sealed record TurnTrackerView(TurnMode Mode, int Round, long GameSeconds, ImmutableList<TurnEntry> Order, EntityId? Current);
