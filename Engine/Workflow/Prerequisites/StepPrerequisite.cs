using System.Text.Json.Serialization;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Answers;

namespace Ikosa.Engine.Workflow.Prerequisites;

/// <summary>
/// Something a step needs before it can run, usually an answer from the user who controls the
/// <see cref="Fulfiller"/> creature (or from a game master when the fulfiller is null). A step's
/// prerequisites are dispensed in order; a serial one must be ready before the next is dispensed.
/// A prerequisite may carry a <see cref="Timeout"/> after which its <see cref="DefaultAnswer"/> applies.
/// Each kind is a record deriving from this one that checks the answers it takes in <see cref="Accept"/>.
/// </summary>
public abstract record StepPrerequisite(EntityId Id) : Entity(Id)
{
    public EntityId Step { get; init; }

    /// <summary>A name unique within the step, by which the step finds the answer.</summary>
    public string BindKey { get; init; } = "";

    /// <summary>What the user is asked, e.g. "Reflex save against Fireball".</summary>
    public string Text { get; init; } = "";

    /// <summary>The creature whose controller answers; null for the game master.</summary>
    public EntityId? Fulfiller { get; init; }

    public bool IsSerial { get; init; }

    public bool IsDispensed { get; init; }

    public bool IsReady { get; init; }

    /// <summary>The user whose answer made it ready (or "(host)" for automatic answers and timeouts).</summary>
    public string? AnsweredBy { get; init; }

    public TimeSpan? Timeout { get; init; }

    public Answer? DefaultAnswer { get; init; }

    /// <summary>When the default answer applies (set when dispensed with a timeout).</summary>
    public DateTimeOffset? Deadline { get; init; }

    public EntityId? TimeoutTask { get; init; }

    [JsonIgnore]
    public abstract PrerequisiteKind Kind { get; }

    /// <summary>
    /// Checks <paramref name="answer"/> (its kind and range) and returns this prerequisite with the
    /// answer recorded, or a refusal. It must change nothing when it refuses.
    /// </summary>
    public abstract Acceptance Accept(Answer answer, AnswerScope scope);

    /// <summary>
    /// Called when the prerequisite is dispensed: an answer the host can give by itself (a roll nobody
    /// needs to be asked for), or null to ask the fulfiller.
    /// </summary>
    public virtual Acceptance? AnswerAutomatically(AnswerScope scope) => null;

    /// <summary>The answer a timeout applies when none was given.</summary>
    public virtual Answer? FallbackAnswer => null;

    protected Acceptance Accepted(StepPrerequisite answered) => Acceptance.Accept(answered);

    protected static Acceptance Refuse(string error) => Acceptance.Refuse(error);

    protected Acceptance WrongKind(Answer answer) =>
        Acceptance.Refuse($"'{Text}' needs a {Kind} answer, not {answer.GetType().Name}");
}
