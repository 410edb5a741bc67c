using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Turns;

/// <summary>
/// What a creature has left this turn: a standard, a move (a standard can be spent as a move), a swift
/// action, a 5-foot step (not if it moved otherwise), and its attacks of opportunity this round.
/// </summary>
[EntityName("rules.action-budget")]
public sealed record ActionBudget(EntityId Id, EntityId Creature) : Entity(Id)
{
    public bool Standard { get; init; } = true;

    public bool Move { get; init; } = true;

    public bool Swift { get; init; } = true;

    public bool HasMoved { get; init; }

    public bool TookFiveFootStep { get; init; }

    public int AttacksOfOpportunity { get; init; } = 1;

    public static EntityId KeyFor(EntityId creature) => EntityId.Named("budget:" + creature);

    public static ActionBudget Fresh(EntityId creature) => new(KeyFor(creature), creature);

    public static ActionBudget Of(IModelReader reader, EntityId creature) =>
        reader.Find<ActionBudget>(KeyFor(creature)) ?? Fresh(creature);

    /// <summary>True while the creature has not used any of its turn.</summary>
    public bool IsUntouched() => Standard && Move && Swift && !HasMoved && !TookFiveFootStep;

    public bool CanAfford(ActionTime time) => time switch
    {
        ActionTime.Free => true,
        ActionTime.Swift => Swift,
        ActionTime.Move => Move || Standard,
        ActionTime.Standard => Standard,
        ActionTime.FullRound => Standard && Move,
        ActionTime.FiveFootStep => !HasMoved && !TookFiveFootStep,
        _ => false,
    };

    /// <summary>The budget after paying for an action of <paramref name="time"/> (check <see cref="CanAfford"/> first).</summary>
    public ActionBudget Spend(ActionTime time) => time switch
    {
        ActionTime.Swift => this with { Swift = false },
        ActionTime.Move => Move ? this with { Move = false } : this with { Standard = false },
        ActionTime.Standard => this with { Standard = false },
        ActionTime.FullRound => this with { Standard = false, Move = false },
        ActionTime.FiveFootStep => this with { TookFiveFootStep = true },
        _ => this,
    };
}
