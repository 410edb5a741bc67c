using Ikosa.Engine.Model;

namespace Ikosa.Engine.Workflow.Answers;

/// <summary>What became of one answer: accepted, or refused with a reason (the others are unaffected).</summary>
public sealed record AnswerResult(EntityId Prerequisite, bool Accepted, string? Error)
{
    public static AnswerResult Ok(EntityId prerequisite) => new(prerequisite, true, null);

    public static AnswerResult Refused(EntityId prerequisite, string error) => new(prerequisite, false, error);
}
