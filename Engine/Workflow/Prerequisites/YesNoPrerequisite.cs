using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Prerequisites;

/// <summary>A yes-or-no question, e.g. "take an attack of opportunity?".</summary>
[EntityName("workflow.prerequisite.yes-no")]
public sealed record YesNoPrerequisite(EntityId Id) : StepPrerequisite(Id)
{
    public bool? Value { get; init; }

    public override PrerequisiteKind Kind => PrerequisiteKind.YesNo;

    public override Acceptance Accept(Answer answer, AnswerScope scope) =>
        answer is YesNoAnswer yesNo ? Accepted(this with { Value = yesNo.Yes }) : WrongKind(answer);
}
