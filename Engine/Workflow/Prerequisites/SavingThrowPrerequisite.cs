using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Prerequisites;

public enum SaveKind
{
    Fortitude,
    Reflex,
    Will,
}

/// <summary>
/// A saving throw by the fulfiller (the target of a spell), always put to its player: d20 + bonus
/// against <see cref="Difficulty"/>; a natural 20 always succeeds and a natural 1 always fails.
/// </summary>
[EntityName("workflow.prerequisite.saving-throw")]
public sealed record SavingThrowPrerequisite(EntityId Id) : RollPrerequisite(Id)
{
    public SaveKind Save { get; init; }

    public int Difficulty { get; init; }

    public bool? Succeeded { get; init; }

    public override PrerequisiteKind Kind => PrerequisiteKind.SavingThrow;

    protected override bool AsksPlayer => true;

    protected override Acceptance Record(DiceRoll roll) =>
        Accepted(this with
        {
            Roll = roll.Id,
            Total = roll.Total,
            Natural = roll.Natural,
            Succeeded = roll.Natural == 20 || (roll.Natural != 1 && roll.Total >= Difficulty),
        });
}
