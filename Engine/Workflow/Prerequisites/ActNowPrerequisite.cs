using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Prerequisites;

/// <summary>
/// "Your turn: act now?" While it waits, its fulfiller may take actions; answering it (end turn, or
/// delay) lets the turn step run and the turn pass.
/// </summary>
[EntityName("workflow.prerequisite.act-now")]
public sealed record ActNowPrerequisite(EntityId Id) : StepPrerequisite(Id)
{
    public TurnDecision? Decision { get; init; }

    public override PrerequisiteKind Kind => PrerequisiteKind.ActNow;

    public override Answer? FallbackAnswer => new TurnAnswer(TurnDecision.EndTurn);

    public override Acceptance Accept(Answer answer, AnswerScope scope) =>
        answer is TurnAnswer turn && Enum.IsDefined(turn.Decision)
            ? Accepted(this with { Decision = turn.Decision })
            : WrongKind(answer);
}
