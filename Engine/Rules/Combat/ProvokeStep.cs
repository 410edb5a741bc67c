using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Combat;

/// <summary>An action that provokes (shooting, casting) starts with this: threatening enemies get their attacks first.</summary>
[EntityName("rules.step.provoke")]
public sealed record ProvokeStep(EntityId Id, EntityId Creature) : CoreStep(Id)
{
    public override string Describe() => "provokes attacks of opportunity";

    public override void Run(StepContext context)
    {
        if (context.Find<Creature>(Creature) is { } creature && creature.CanAct())
            Opportunity.Provoke(context, creature, ImmutableList<EntityId>.Empty);
    }
}
