using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Prerequisites;

/// <summary>A whole number between <see cref="Min"/> and <see cref="Max"/> inclusive.</summary>
[EntityName("workflow.prerequisite.number")]
public sealed record NumberPrerequisite(EntityId Id, int Min, int Max) : StepPrerequisite(Id)
{
    public int? Value { get; init; }

    public override PrerequisiteKind Kind => PrerequisiteKind.Number;

    public override Acceptance Accept(Answer answer, AnswerScope scope)
    {
        if (answer is not NumberAnswer number) return WrongKind(answer);
        if (number.Value < Min || number.Value > Max) return Refuse($"{number.Value} is outside {Min} to {Max}");
        return Accepted(this with { Value = number.Value });
    }
}
