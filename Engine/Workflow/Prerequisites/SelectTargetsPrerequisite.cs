using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Prerequisites;

/// <summary>Pick between <see cref="Min"/> and <see cref="Max"/> distinct targets among the candidates.</summary>
[EntityName("workflow.prerequisite.select-targets")]
public sealed record SelectTargetsPrerequisite(EntityId Id, ImmutableList<EntityId> Candidates, int Min, int Max) : StepPrerequisite(Id)
{
    public ImmutableList<EntityId>? Selected { get; init; }

    public override PrerequisiteKind Kind => PrerequisiteKind.SelectTargets;

    public override Acceptance Accept(Answer answer, AnswerScope scope)
    {
        if (answer is not TargetsAnswer targets) return WrongKind(answer);
        if (targets.Targets is null) return Refuse("no targets were given");
        if (targets.Targets.Count < Min || targets.Targets.Count > Max)
            return Refuse($"choose {Min} to {Max} targets, not {targets.Targets.Count}");
        if (targets.Targets.Distinct().Count() != targets.Targets.Count) return Refuse("a target was chosen twice");
        if (targets.Targets.FirstOrDefault(t => !Candidates.Contains(t)) is { } stranger && stranger != default)
            return Refuse($"{stranger} is not one of the targets on offer");
        return Accepted(this with { Selected = targets.Targets });
    }
}
