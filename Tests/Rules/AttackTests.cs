using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Rules.Map;
using Ikosa.Tests.Workflow;

namespace Ikosa.Tests.Rules;

public class AttackTests
{
    private const string Melee = "melee-attack";

    /// <summary>Fighter at (1,1) next to a goblin at (2,1); combat started with the fighter first.</summary>
    private static (Arena Arena, Ikosa.Engine.Model.EntityId Fighter, Ikosa.Engine.Model.EntityId Goblin) Duel()
    {
        var arena = new Arena();
        var fighter = arena.Add(Arena.Fighter("Fighter", new Cell(1, 1)));
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(2, 1)));
        arena.Dice.Enqueue(15, 5);
        Assert.True(arena.StartCombat(fighter, goblin).Ok);
        Assert.Equal(fighter, arena.CurrentTurn());
        return (arena, fighter, goblin);
    }

    [Fact]
    public void A_hit_rolls_damage_which_is_logged_with_its_step()
    {
        var (arena, fighter, goblin) = Duel();
        using var _ = arena;
        arena.Dice.Enqueue(7, 3); // 7+7=14 against AC 14; 1d8+2 = 5

        Assert.True(arena.Do(fighter, Melee, AimTarget.AtCreature("target", goblin)).Ok);

        Assert.Equal(1, arena.Get(goblin).HitPoints);
        var change = arena.Game.Read(tx => tx.All<HitPointChange>().Single());
        Assert.Equal((goblin, -5, 1, "damage"), (change.Creature, change.Delta, change.HitPoints, change.StepName));
        Assert.Contains(arena.Game.Notifications.To<AttackResolved>(TestGame.Master), a => a is { Hit: true, Critical: false, Damage: 5 });
        Assert.Equal(0, arena.Dice.Remaining);
    }

    [Fact]
    public void A_miss_deals_no_damage()
    {
        var (arena, fighter, goblin) = Duel();
        using var _ = arena;
        arena.Dice.Enqueue(6); // 13 < 14

        arena.Do(fighter, Melee, AimTarget.AtCreature("target", goblin));

        Assert.Equal(6, arena.Get(goblin).HitPoints);
        Assert.Contains(arena.Game.Notifications.To<AttackResolved>(TestGame.Master), a => a is { Hit: false });
    }

    [Fact]
    public void A_natural_1_always_misses_and_a_natural_20_always_hits()
    {
        var (arena, fighter, goblin) = Duel();
        using var _ = arena;
        arena.Game.Write(tx => tx.Put(tx.Get<Creature>(goblin) with { ArmorBonus = 40 }));
        arena.Dice.Enqueue(20, 1, 2); // a threat that cannot be confirmed (1), then 1d8+2 = 4

        arena.Do(fighter, Melee, AimTarget.AtCreature("target", goblin));

        Assert.Equal(2, arena.Get(goblin).HitPoints);
        arena.EndTurn(fighter);
        arena.EndTurn(goblin);
        arena.Game.Write(tx => tx.Put(tx.Get<Creature>(goblin) with { ArmorBonus = -30 }));
        arena.Dice.Enqueue(1);

        arena.Do(fighter, Melee, AimTarget.AtCreature("target", goblin));

        Assert.Equal(2, arena.Get(goblin).HitPoints);
    }

    [Fact]
    public void A_confirmed_critical_rolls_the_damage_dice_again()
    {
        var (arena, fighter, goblin) = Duel();
        using var _ = arena;
        arena.Game.Write(tx => tx.Put(tx.Get<Creature>(goblin) with { HitPoints = 30, MaxHitPoints = 30 }));
        arena.Dice.Enqueue(19, 12, 3, 4); // threat, confirmed (19 >= 14), 2d8+4 = 11

        arena.Do(fighter, Melee, AimTarget.AtCreature("target", goblin));

        Assert.Equal(19, arena.Get(goblin).HitPoints);
        Assert.Contains(arena.Game.Notifications.To<AttackResolved>(TestGame.Master), a => a is { Hit: true, Critical: true, Damage: 11 });
    }

    [Fact]
    public void An_unconfirmed_threat_is_an_ordinary_hit()
    {
        var (arena, fighter, goblin) = Duel();
        using var _ = arena;
        arena.Game.Write(tx => tx.Put(tx.Get<Creature>(goblin) with { HitPoints = 30, MaxHitPoints = 30 }));
        arena.Dice.Enqueue(19, 2, 3); // threat, 2+7 = 9 does not confirm, 1d8+2 = 5

        arena.Do(fighter, Melee, AimTarget.AtCreature("target", goblin));

        Assert.Equal(25, arena.Get(goblin).HitPoints);
    }

    [Fact]
    public void Attacks_are_refused_out_of_reach_out_of_turn_and_out_of_combat()
    {
        using var arena = new Arena();
        var fighter = arena.Add(Arena.Fighter("Fighter", new Cell(1, 1)));
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(2, 1)));
        var far = arena.Add(Arena.Goblin("Far goblin", new Cell(5, 5)));

        Assert.Contains("harmless", arena.Do(fighter, Melee, AimTarget.AtCreature("target", goblin)).Error);

        arena.Dice.Enqueue(15, 5, 1);
        arena.StartCombat(fighter, goblin, far);
        Assert.Contains("not within reach", arena.Do(fighter, Melee, AimTarget.AtCreature("target", far)).Error);
        Assert.Contains("not Goblin's turn", arena.Do(goblin, Melee, AimTarget.AtCreature("target", fighter)).Error);
        Assert.Contains("no action", arena.Do(fighter, "fly", AimTarget.AtCreature("target", goblin)).Error);
        Assert.Contains("does not play", arena.Do(Ikosa.Engine.Workflow.Actor.Player("eve"), fighter, Melee, AimTarget.AtCreature("target", goblin)).Error);
        Assert.Equal(6, arena.Get(goblin).HitPoints);
    }

    [Fact]
    public void A_ranged_attack_takes_a_penalty_per_range_increment_and_needs_a_clear_line()
    {
        using var arena = new Arena(
        [
            "..........",
            "..........",
            "....#.....",
            "..........",
        ]);
        var archer = arena.Add(Arena.Fighter("Archer", new Cell(0, 0)));
        var near = arena.Add(Arena.Goblin("Near", new Cell(4, 0)));
        var far = arena.Add(Arena.Goblin("Far", new Cell(9, 0)));
        var hidden = arena.Add(Arena.Goblin("Hidden", new Cell(6, 3)));
        arena.Dice.Enqueue(20, 1, 1, 1);
        arena.StartCombat(archer, near, far, hidden);

        var actions = arena.Game.Read(tx => arena.Rules.GetActions(tx, Arena.Gm, archer));
        var ranged = actions.Single(a => a.Key == "ranged-attack").Aiming.Single();
        Assert.DoesNotContain(hidden, ranged.Candidates);
        Assert.Contains("out of range or out of sight", arena.Do(archer, "ranged-attack", AimTarget.AtCreature("target", hidden)).Error);

        // Far goblin: 45 feet = 2 full increments past the first: -4. 11 + 1 (Dex) + 5 - 4 = 13 < 14: a miss.
        arena.Dice.Enqueue(11);
        Assert.True(arena.Do(archer, "ranged-attack", AimTarget.AtCreature("target", far)).Ok);
        Assert.Equal(6, arena.Get(far).HitPoints);
        Assert.Contains(arena.Game.Notifications.To<AttackResolved>(TestGame.Master), a => a is { Hit: false } && a.Target == far);
    }
}
