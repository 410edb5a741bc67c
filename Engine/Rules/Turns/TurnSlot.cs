using Ikosa.Engine.Model;

namespace Ikosa.Engine.Rules.Turns;

/// <summary>
/// A combatant's place in the turn order. <see cref="Key"/> orders the slots (highest acts first) and
/// folds in the initiative result, the initiative modifier and any tie-break roll; a creature that
/// delays gets a key between two others, so later joiners and delayers fit in without renumbering.
/// </summary>
public sealed record TurnSlot(EntityId Creature, int Initiative, double Key)
{
    public static double KeyFor(int initiative, int modifier, int tieBreak) =>
        initiative * 1_000_000.0 + (modifier + 100) * 1_000.0 + tieBreak;
}
