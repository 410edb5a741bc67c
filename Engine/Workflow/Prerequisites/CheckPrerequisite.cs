using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Prerequisites;

/// <summary>
/// A check a game master asked of a creature (an ability or skill check, or a saving throw): a roll put to its player
/// like any other (it is a <see cref="PrerequisiteKind.Roll"/> to them), judged against <see cref="Difficulty"/> here on
/// the host. The difficulty is never part of what a player is shown when <see cref="Secret"/>: the prompt's text and
/// purpose are written without it.
/// </summary>
[EntityName("workflow.prerequisite.check")]
public sealed record CheckPrerequisite(EntityId Id) : RollPrerequisite(Id)
{
    public int Difficulty { get; init; }

    public bool Secret { get; init; }

    /// <summary>A saving throw: a natural 20 always succeeds and a natural 1 always fails (not so for checks).</summary>
    public bool IsSave { get; init; }

    public bool? Succeeded { get; init; }

    protected override bool AsksPlayer => true;

    protected override Acceptance Record(DiceRoll roll) =>
        Accepted(this with
        {
            Roll = roll.Id,
            Total = roll.Total,
            Natural = roll.Natural,
            Succeeded = IsSave && roll.Natural == 20 || (!(IsSave && roll.Natural == 1) && roll.Total >= Difficulty),
        });
}
