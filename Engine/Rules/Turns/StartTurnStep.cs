using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Combat;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Turns;

/// <summary>
/// The start of a creature's turn: a fresh action budget; a dying creature instead rolls to stabilise
/// (10%) or loses a hit point, and its turn passes; otherwise its turn proper begins.
/// </summary>
[EntityName("rules.step.start-turn")]
public sealed record StartTurnStep(EntityId Id, EntityId Creature) : CoreStep(Id)
{
    public const int StabiliseChancePercent = 10;

    public override string Describe() => "start of turn";

    public override void Run(StepContext context)
    {
        var tracker = TurnTracker.Of(context);
        if (!tracker.InCombat() || tracker.Current is not { } slot) return;
        context.Put(ActionBudget.Fresh(Creature));
        var creature = context.Find<Creature>(Creature);
        if (creature is not null && tracker.IsCombatant(Creature) && creature.CanAct())
        {
            context.Notify(Control.Everyone(context), new TurnStarted(Creature, tracker.Round));
            context.Follow(new TurnStep(EntityId.New(), Creature));
            return;
        }
        if (creature is { IsStable: false } && creature.Health() == Health.Dying)
        {
            if (context.Roll("1d100", "stabilise", Creature).Total <= StabiliseChancePercent)
                context.Put(creature with { IsStable = true });
            else
                HitPoints.Change(context, Creature, -1, "bleeding while dying");
        }
        TurnPassing.PassFrom(context, slot);
    }
}
