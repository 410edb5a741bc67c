using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Rules.Magic;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Store;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Events;
using Ikosa.Engine.Workflow.Prerequisites;
using TempDirectory = Ikosa.Tests.Engine.TempDirectory;
using Ikosa.Tests.Workflow;

namespace Ikosa.Tests.Rules;

public class FireballTests
{
    private static readonly Actor Alice = Actor.Player("alice");
    private static readonly Actor Bob = Actor.Player("bob");
    private static readonly Actor Dave = Actor.Player("dave");
    private static readonly Actor Carol = Actor.Player("carol");

    private sealed record Blast(EntityId Wizard, EntityId Tordek, EntityId Jozan, EntityId Goblin, EntityId Lidda);

    /// <summary>
    /// Alice's wizard at (0,0) in combat with Bob's Tordek (5,5), Dave's Jozan (4,5), a goblin (6,5)
    /// and Carol's Lidda (9,9, outside the blast). Everyone's initiative is taken so the wizard acts first.
    /// </summary>
    private static Blast Setup(Arena arena)
    {
        var wizard = arena.Add(Arena.Wizard("Mialee", new Cell(0, 0)), "alice");
        var tordek = arena.Add(Arena.Fighter("Tordek", new Cell(5, 5)), "bob");
        var jozan = arena.Add(Arena.Fighter("Jozan", new Cell(4, 5)), "dave");
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(6, 5)));
        var lidda = arena.Add(Arena.Fighter("Lidda", new Cell(9, 9)), "carol");
        arena.Dice.Enqueue(1); // the goblin's initiative, rolled at once
        arena.StartCombat(wizard, tordek, jozan, goblin, lidda);
        foreach (var (actor, face) in new[] { (Alice, 20), (Bob, 2), (Dave, 3), (Carol, 4) })
        {
            arena.Dice.Enqueue(face);
            Assert.True(arena.Answer(actor, arena.Pending(actor).Single(), new RollAnswer()).Accepted);
        }
        Assert.Equal(wizard, arena.CurrentTurn());
        arena.Game.Notifications.Clear();
        return new Blast(wizard, tordek, jozan, goblin, lidda);
    }

    private static void Cast(Arena arena, Blast blast)
    {
        arena.Dice.Enqueue(6, 5, 4, 3, 2, 1); // 5d6 = 20, then the goblin's save: 1 fails
        var cast = arena.Do(Alice, blast.Wizard, "cast-fireball", Ikosa.Engine.Rules.Actions.AimTarget.AtCell(CastFireballAction.CenterKey, new Cell(5, 5)));
        Assert.True(cast.Ok, cast.Error);
    }

    [Fact]
    public void Each_target_s_own_player_is_asked_for_the_save_and_a_success_halves_the_damage()
    {
        using var arena = new Arena(Arena.Open(12, 12));
        var blast = Setup(arena);

        Cast(arena, blast);

        var forBob = Assert.IsType<SavingThrowPrerequisite>(arena.Pending(Bob).Single());
        var forDave = Assert.IsType<SavingThrowPrerequisite>(arena.Pending(Dave).Single());
        Assert.Equal((blast.Tordek, SaveKind.Reflex, 16), (forBob.Fulfiller!.Value, forBob.Save, forBob.Difficulty));
        Assert.Equal(blast.Jozan, forDave.Fulfiller);
        Assert.Empty(arena.Pending(Alice));
        Assert.Empty(arena.Pending(Carol));
        Assert.Single(arena.Game.Notifications.To<PromptWaiting>("bob"));
        Assert.Single(arena.Game.Notifications.To<PromptWaiting>("dave"));
        Assert.Empty(arena.Game.Notifications.To<PromptWaiting>("alice"));
        Assert.Empty(arena.Game.Notifications.To<PromptWaiting>("carol"));
        Assert.Equal(30, arena.Get(blast.Tordek).HitPoints);

        arena.Dice.Enqueue(14); // Tordek: 14 + 2 = 16 makes the DC
        Assert.True(arena.Answer(Bob, forBob, new RollAnswer()).Accepted);
        Assert.Equal(30, arena.Get(blast.Tordek).HitPoints);
        arena.Dice.Enqueue(13); // Jozan: 15 fails
        Assert.True(arena.Answer(Dave, forDave, new RollAnswer()).Accepted);

        Assert.Equal(20, arena.Get(blast.Tordek).HitPoints);
        Assert.Equal(10, arena.Get(blast.Jozan).HitPoints);
        Assert.Equal(-14, arena.Get(blast.Goblin).HitPoints);
        Assert.Equal(30, arena.Get(blast.Lidda).HitPoints);
        Assert.Equal(1, arena.Get(blast.Wizard).SpellsLeft("fireball"));
        Assert.False(arena.Game.Read(TurnTracker.Of).IsCombatant(blast.Goblin));
        Assert.Contains(arena.Game.Notifications.To<SpellCast>("carol"), s => s.Targets.Count == 3);
        Assert.Contains(arena.Game.Notifications.To<HitPointsChanged>(TestGame.Master), h => h.Creature == blast.Goblin && h.Health == Health.Dead);
    }

    [Fact]
    public void A_save_cannot_be_answered_by_another_player_or_twice()
    {
        using var arena = new Arena(Arena.Open(12, 12));
        var blast = Setup(arena);
        Cast(arena, blast);
        var forBob = arena.Pending(Bob).Single();

        Assert.False(arena.Answer(Dave, forBob, new RollAnswer()).Accepted);
        Assert.False(arena.Answer(Bob, forBob, new YesNoAnswer(true)).Accepted);
        arena.Dice.Enqueue(20);
        Assert.True(arena.Answer(Bob, forBob, new RollAnswer()).Accepted);
        Assert.Contains("already answered", arena.Answer(Bob, forBob, new RollAnswer()).Error);
    }

    [Fact]
    public void A_restart_in_the_middle_of_the_spell_resumes_with_the_same_two_prompts()
    {
        using var directory = new TempDirectory();
        var path = directory.File("game.db");
        Blast blast;
        IReadOnlyList<StepPrerequisite> before;
        using (var arena = new Arena(Arena.Open(12, 12), store: Store(path)))
        {
            blast = Setup(arena);
            Cast(arena, blast);
            before = arena.Pending(Arena.Gm);
            Assert.Equal(2, before.Count);
        }

        var dice = new Ikosa.Engine.Workflow.Dice.ScriptedDiceSource();
        using var restarted = new TestGame(Store(path), dice);
        var after = restarted.Read(tx => restarted.Rules.GetPrerequisites(tx, Arena.Gm));

        Assert.Equal(before, after);
        Assert.Equal(before.Single(p => p.Fulfiller == blast.Tordek).Id, restarted.Read(tx => restarted.Rules.GetPrerequisites(tx, Bob)).Single().Id);
        Assert.Equal(before.Single(p => p.Fulfiller == blast.Jozan).Id, restarted.Read(tx => restarted.Rules.GetPrerequisites(tx, Dave)).Single().Id);
        dice.Enqueue(1, 20); // Tordek fails, Jozan succeeds
        foreach (var (actor, prompt) in new[] { (Bob, after.Single(p => p.Fulfiller == blast.Tordek)), (Dave, after.Single(p => p.Fulfiller == blast.Jozan)) })
        {
            var result = restarted.Write(tx => restarted.Rules.SetPrerequisites(tx, actor, [new PrerequisiteAnswer(prompt.Step, prompt.Id, new RollAnswer())])).Single();
            Assert.True(result.Accepted, result.Error);
        }
        Assert.Equal(10, restarted.Read(tx => tx.Get<Creature>(blast.Tordek)).HitPoints);
        Assert.Equal(20, restarted.Read(tx => tx.Get<Creature>(blast.Jozan)).HitPoints);
        Assert.Equal(blast.Wizard, restarted.Read(tx => restarted.Rules.GetTurnTracker(tx, Arena.Gm)).Current);
    }

    private static SqliteStore Store(string path) =>
        new(path, GameRulesTypes());

    private static Ikosa.Engine.Model.EntityTypeRegistry GameRulesTypes() =>
        Ikosa.Engine.Rules.GameRules.RegisterTypes(new Ikosa.Engine.Model.EntityTypeRegistry(), typeof(TestGame).Assembly);

    [Fact]
    public void Fireball_is_refused_without_a_casting_left_or_out_of_sight()
    {
        using var arena = new Arena(
        [
            "......",
            "..#...",
            "......",
        ]);
        var wizard = arena.Add(Arena.Wizard("Mialee", new Cell(0, 1)));
        var goblin = arena.Add(Arena.Goblin("Goblin", new Cell(5, 1)));
        arena.Dice.Enqueue(20, 1);
        arena.StartCombat(wizard, goblin);

        Assert.Contains("cannot see", arena.Do(wizard, "cast-fireball", Ikosa.Engine.Rules.Actions.AimTarget.AtCell("center", new Cell(4, 1))).Error);
        Assert.Contains("not an open square", arena.Do(wizard, "cast-fireball", Ikosa.Engine.Rules.Actions.AimTarget.AtCell("center", new Cell(2, 1))).Error);
        arena.Game.Write(tx => tx.Put(tx.Get<Creature>(wizard) with { Spells = [] }));
        Assert.Contains("no Fireball left", arena.Do(wizard, "cast-fireball", Ikosa.Engine.Rules.Actions.AimTarget.AtCell("center", new Cell(1, 0))).Error);
    }
}
