using Ikosa.Engine.Model;

namespace Ikosa.Engine.Workflow.Answers;

/// <summary>
/// One answer sent by a user: to which prompt (<paramref name="Prerequisite"/>) of which step. The step
/// is named so that an answer meant for a step that has since finished is refused, not misapplied.
/// </summary>
public sealed record PrerequisiteAnswer(EntityId Step, EntityId Prerequisite, Answer Answer);
