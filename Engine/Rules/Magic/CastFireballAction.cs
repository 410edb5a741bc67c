using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Combat;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow.Processes;

namespace Ikosa.Engine.Rules.Magic;

/// <summary>Casting Fireball at a square in sight and range: a standard action that provokes, using one of the day's castings.</summary>
public sealed class CastFireballAction : CoreAction
{
    public const string CenterKey = "center";

    public override string Key => "cast-fireball";

    public override string DisplayName => "Cast Fireball";

    public override ActionTime Time => ActionTime.Standard;

    public override IReadOnlyList<AimingMode> Aiming(ActionContext context) =>
        [new AimingMode(CenterKey, AimKind.Cell, 1, 1, Fireball.RangeFeet(context.Actor), [], "the square at the centre of the blast")];

    public override string? Unavailable(ActionContext context) =>
        context.Actor.SpellsLeft(Fireball.Spell) > 0 ? null : $"{context.Actor.Name} has no Fireball left today";

    public override string? Check(ActionContext context, CoreActivity activity)
    {
        var cells = activity.CellsFor(CenterKey);
        if (cells.Count != 1) return "give the one square at the centre of the blast";
        var center = cells[0];
        if (!context.Map.Contains(center) || context.Map.Blocks(center)) return $"{center} is not an open square";
        if (context.Actor.Position.DistanceFeetTo(center) > Fireball.RangeFeet(context.Actor)) return "that square is out of range";
        return Visibility.CanSee(context.Map, context.Actor, center) ? null : "the caster cannot see that square";
    }

    public override IEnumerable<CoreStep> Steps(ActionContext context, CoreActivity activity) =>
    [
        new SpendSpellStep(EntityId.New(), context.Actor.Id, Fireball.Spell),
        new ProvokeStep(EntityId.New(), context.Actor.Id),
        new FireballStep(EntityId.New(), context.Actor.Id, activity.CellsFor(CenterKey)[0]),
    ];
}
