using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Processes;

namespace Ikosa.Engine.Workflow.Prerequisites;

/// <summary>What a prerequisite may use while accepting an answer: the step's context and who answers.</summary>
public sealed class AnswerScope
{
    internal AnswerScope(StepContext context, Actor actor)
    {
        Context = context;
        Actor = actor;
    }

    public StepContext Context { get; }

    public Actor Actor { get; }

    /// <summary>Masters may always enter physical dice; a player only once a master has allowed it.</summary>
    public bool MayEnterPhysicalDice => Actor.IsMaster || PhysicalDiceGrants.Allows(Context, Actor.UserName);
}
