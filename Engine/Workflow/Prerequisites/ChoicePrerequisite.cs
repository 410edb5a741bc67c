using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Prerequisites;

public sealed record ChoiceOption(string Key, string Label);

/// <summary>A choice among named options; the answer must be one of their keys.</summary>
[EntityName("workflow.prerequisite.choice")]
public sealed record ChoicePrerequisite(EntityId Id, ImmutableList<ChoiceOption> Options) : StepPrerequisite(Id)
{
    public string? Selected { get; init; }

    public override PrerequisiteKind Kind => PrerequisiteKind.Choice;

    public override Acceptance Accept(Answer answer, AnswerScope scope)
    {
        if (answer is not ChoiceAnswer choice) return WrongKind(answer);
        if (!Options.Any(o => o.Key == choice.Key))
            return Refuse($"'{choice.Key}' is not one of the options ({string.Join(", ", Options.Select(o => o.Key))})");
        return Accepted(this with { Selected = choice.Key });
    }
}
