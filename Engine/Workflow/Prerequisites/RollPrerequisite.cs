using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Registration;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Workflow.Prerequisites;

/// <summary>
/// A roll the step needs, e.g. "1d20+4" for an attack. The host rolls it by default; the fulfiller's
/// player is asked first when <see cref="Prompted"/> (initiative, saves) or when a master has allowed
/// them physical dice, in which case they may enter the faces themselves. Creatures run by the master
/// roll on the host without asking.
/// </summary>
[EntityName("workflow.prerequisite.roll")]
public record RollPrerequisite(EntityId Id) : StepPrerequisite(Id)
{
    public string Expression { get; init; } = "1d20";

    public string Purpose { get; init; } = "";

    public bool Prompted { get; init; }

    /// <summary>The roll in the dice log, once made.</summary>
    public EntityId? Roll { get; init; }

    public int? Total { get; init; }

    /// <summary>The first die's face (the natural d20 of a check).</summary>
    public int? Natural { get; init; }

    public override PrerequisiteKind Kind => PrerequisiteKind.Roll;

    public override Answer? FallbackAnswer => new RollAnswer();

    public override Acceptance Accept(Answer answer, AnswerScope scope)
    {
        if (answer is not RollAnswer roll) return WrongKind(answer);
        if (!DiceExpression.TryParse(Expression, out var expression, out var error)) return Refuse(error);
        if (roll.PhysicalFaces is { } faces)
        {
            if (!scope.MayEnterPhysicalDice)
                return Refuse($"{scope.Actor.UserName} may not enter physical dice (a game master has not allowed it)");
            var sides = expression.DiceSides().ToList();
            if (faces.Count != sides.Count)
                return Refuse($"'{Expression}' needs {sides.Count} die faces, not {faces.Count}");
            for (var i = 0; i < sides.Count; i++)
                if (faces[i] < 1 || faces[i] > sides[i])
                    return Refuse($"die {i + 1} of '{Expression}' is a d{sides[i]}: {faces[i]} is not a face of it");
            return Record(scope.Context.RecordPhysicalRoll(expression, faces, Purpose, Fulfiller, scope.Actor.UserName));
        }
        // An automatic roll is asked for by whoever plays the fulfiller (or the host), not by the system.
        var askedBy = scope.Actor == Actor.System ? null : scope.Actor.UserName;
        return Record(scope.Context.Roll(expression, Purpose, Fulfiller, askedBy));
    }

    public override Acceptance? AnswerAutomatically(AnswerScope scope)
    {
        var controller = Fulfiller is { } creature ? Control.ControllerOf(scope.Context, creature) : null;
        var ask = controller is not null && (AsksPlayer || PhysicalDiceGrants.Allows(scope.Context, controller));
        return ask ? null : Accept(new RollAnswer(), scope);
    }

    /// <summary>True when the player is asked even though the host would roll for them.</summary>
    protected virtual bool AsksPlayer => Prompted;

    /// <summary>Stores the roll; a derived kind (a save) adds what the roll means.</summary>
    protected virtual Acceptance Record(DiceRoll roll) =>
        Accepted(this with { Roll = roll.Id, Total = roll.Total, Natural = roll.Natural });
}
