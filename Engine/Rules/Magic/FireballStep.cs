using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Combat;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Magic;

/// <summary>
/// The blast: the caster's damage roll, and a Reflex save put to each caught creature's own player
/// (all at once, not one after another); then full damage to those who failed and half to the rest.
/// </summary>
[EntityName("rules.step.fireball")]
public sealed record FireballStep(EntityId Id, EntityId Caster, Cell Center) : CoreStep(Id)
{
    public const string DamageKey = "damage";

    public override string Describe() => "fireball";

    public static string SaveKey(EntityId target) => "save:" + target;

    public override IEnumerable<StepPrerequisite> Plan(StepContext context)
    {
        var caster = context.Get<Creature>(Caster);
        if (!caster.CanAct()) yield break;
        yield return new RollPrerequisite(EntityId.New())
        {
            BindKey = DamageKey,
            Fulfiller = Caster,
            Expression = Fireball.Damage(caster),
            Purpose = "fireball damage",
            Text = $"{caster.Name}: roll Fireball damage",
        };
        foreach (var target in Fireball.CaughtIn(context, SceneMap.Of(context, caster.Scene), Center))
        {
            yield return new SavingThrowPrerequisite(EntityId.New())
            {
                BindKey = SaveKey(target.Id),
                Fulfiller = target.Id,
                Save = SaveKind.Reflex,
                Difficulty = Fireball.Difficulty(caster),
                Expression = Workflow.Dice.DiceExpression.Parse("1d20").Plus(target.SaveBonus(SaveKind.Reflex)).ToString(),
                Purpose = "Reflex save against Fireball",
                Text = $"{target.Name}: Reflex save against {caster.Name}'s Fireball (half damage on a success)",
            };
        }
    }

    public override void Run(StepContext context)
    {
        var caster = context.Get<Creature>(Caster);
        if (!caster.CanAct()) return;
        var damage = context.Prerequisite<RollPrerequisite>(DamageKey).Total ?? 0;
        var saves = context.Prerequisites<SavingThrowPrerequisite>().ToList();
        foreach (var save in saves)
        {
            var amount = save.Succeeded == true ? damage / 2 : damage;
            if (amount > 0) HitPoints.Change(context, save.Fulfiller!.Value, -amount, $"{caster.Name}'s Fireball");
        }
        context.Notify(Control.Everyone(context),
            new SpellCast(Caster, Fireball.Spell, Center, [.. saves.Select(s => s.Fulfiller!.Value)]));
    }
}
