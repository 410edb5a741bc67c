using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Rules.Turns;

namespace Ikosa.Engine.Rules.Actions;

/// <summary>
/// Something a creature can do. The rules offer an action only when it can be taken now (the turn,
/// the budget, <see cref="Unavailable"/>), check a request against its aiming modes
/// (<see cref="Check"/>) and then run its steps as a process. Clients cannot invent moves: they can
/// only ask for an action the host offers, at targets the host accepts. Adding an action is writing a
/// subclass and its steps; <see cref="RuleBook.AddFrom"/> finds it.
/// </summary>
public abstract class CoreAction
{
    public abstract string Key { get; }

    public abstract string DisplayName { get; }

    public abstract ActionTime Time { get; }

    /// <summary>Harmless actions may be taken out of combat too.</summary>
    public virtual bool IsHarmless => false;

    /// <summary>True if the action moves the creature, which rules out a 5-foot step in the same turn.</summary>
    public virtual bool Moves => false;

    /// <summary>How targets are aimed, with the candidates the actor could pick now.</summary>
    public virtual IReadOnlyList<AimingMode> Aiming(ActionContext context) => [];

    /// <summary>Why the actor cannot take this action now (apart from turn and budget), or null.</summary>
    public virtual string? Unavailable(ActionContext context) => null;

    /// <summary>Why these targets will not do, or null when they are fine.</summary>
    public abstract string? Check(ActionContext context, CoreActivity activity);

    /// <summary>The steps of the process that carries the action out.</summary>
    public abstract IEnumerable<CoreStep> Steps(ActionContext context, CoreActivity activity);
}
