using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow.Dice;

namespace Ikosa.Tests.Rules;

public class RuleProperties
{
    /// <summary>
    /// A brawl of two fighters and three goblins with seeded dice: each turn the creature attacks an
    /// adjacent enemy if it can, else ends its turn, for at most 40 turns. Every hit point a creature
    /// lost must be in the log, each entry made by a step.
    /// </summary>
    private static bool HitPointsChangeOnlyInsideLoggedSteps(int seed)
    {
        using var arena = new Arena(dice: new SeededDiceSource(seed));
        var creatures = new[]
        {
            arena.Add(Arena.Fighter("F1", new Cell(1, 1))), arena.Add(Arena.Fighter("F2", new Cell(1, 2))),
            arena.Add(Arena.Goblin("G1", new Cell(2, 1))), arena.Add(Arena.Goblin("G2", new Cell(2, 2))), arena.Add(Arena.Goblin("G3", new Cell(2, 3))),
        };
        var initial = creatures.ToDictionary(id => id, id => arena.Get(id).HitPoints);
        arena.StartCombat(creatures);

        for (var turn = 0; turn < 40 && arena.CurrentTurn() is { } current; turn++)
        {
            var attack = arena.Game.Read(tx => arena.Rules.GetActions(tx, Arena.Gm, current)).FirstOrDefault(a => a.Key == "melee-attack");
            var enemy = attack?.Aiming.Single().Candidates.FirstOrDefault(c => arena.Get(c).IsEnemyOf(arena.Get(current)));
            if (enemy is { } target && target != default) arena.Do(current, "melee-attack", AimTarget.AtCreature("target", target));
            if (arena.CurrentTurn() == current) arena.EndTurn(current);
        }

        var log = arena.Game.Read(tx => tx.All<HitPointChange>().ToList());
        var stepsNamed = log.All(entry => entry.Step != default && entry.StepName.Length > 0);
        var balanced = creatures.All(id => initial[id] + log.Where(e => e.Creature == id).Sum(e => e.Delta) == arena.Get(id).HitPoints);
        var lastMatches = log.GroupBy(e => e.Creature).All(g => g.MaxBy(e => e.Sequence)!.HitPoints == arena.Get(g.Key).HitPoints);
        return stepsNamed && balanced && lastMatches;
    }

    [Fact]
    public void Hit_points_change_only_inside_a_logged_step()
    {
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<int>(HitPointsChangeOnlyInsideLoggedSteps));
    }
}
