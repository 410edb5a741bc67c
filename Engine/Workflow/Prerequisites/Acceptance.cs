namespace Ikosa.Engine.Workflow.Prerequisites;

/// <summary>The outcome of offering an answer to a prerequisite: the answered prerequisite, or why not.</summary>
public readonly record struct Acceptance(StepPrerequisite? Answered, string? Error)
{
    public bool IsAccepted => Answered is not null;

    public static Acceptance Accept(StepPrerequisite answered) => new(answered, null);

    public static Acceptance Refuse(string error) => new(null, error);
}
