using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Magic;

/// <summary>Uses up one of the day's castings of a spell (the casting is spent even if the caster is struck down).</summary>
[EntityName("rules.step.spend-spell")]
public sealed record SpendSpellStep(EntityId Id, EntityId Caster, string Spell) : CoreStep(Id)
{
    public override string Describe() => "spend a spell";

    public override void Run(StepContext context)
    {
        var caster = context.Get<Creature>(Caster);
        if (caster.SpellsLeft(Spell) <= 0) throw new InvalidOperationException($"{caster.Name} has no {Spell} left");
        var spells = caster.Spells.Select(s => s.Spell == Spell ? s with { Remaining = s.Remaining - 1 } : s).ToImmutableList();
        context.Put(caster with { Spells = spells });
    }
}
