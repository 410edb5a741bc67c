using Ikosa.Engine.Model;
using Ikosa.Engine.Rules;
using Ikosa.Engine.Packages;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Store;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Users;
using Ikosa.Tests.Workflow;

namespace Ikosa.Tests.Rules;

/// <summary>A small battle for one rule test: a map, creatures, scripted dice, and short-hands for the façade.</summary>
public sealed class Arena : IDisposable
{
    public static readonly Actor Gm = TestGame.GameMaster;

    public Arena(string[]? map = null, IModelStore? store = null, IDiceSource? dice = null, RulePackage? package = null)
    {
        Dice = dice as ScriptedDiceSource ?? new ScriptedDiceSource();
        Game = new TestGame(store, dice ?? Dice, package: package);
        Game.Write(tx =>
        {
            foreach (var entity in SceneMap.FromRows("arena", map ?? Open(10, 10)).Entities()) tx.Put(entity);
        });
    }

    public TestGame Game { get; }

    public GameRules Rules => Game.Rules;

    public ScriptedDiceSource Dice { get; }

    public static string[] Open(int width, int height) => Enumerable.Repeat(new string('.', width), height).ToArray();

    /// <summary>Str 14, Dex 12: melee +7 (longsword 1d8+2, 19-20/x2), AC 15, 30 hp, Reflex +2, initiative +1.</summary>
    public static Creature Fighter(string name, Cell at, string team = "heroes") =>
        new(EntityId.New(), name, team, new AbilityScores(14, 12, 14, 10, 10, 10), 30, 30, at)
        {
            BaseAttackBonus = 5, ArmorBonus = 4, BaseSaves = new(4, 1, 1),
            Weapons = [new Weapon("longsword", "longsword", "1d8", ThreatFrom: 19), new Weapon("bow", "longbow", "1d8", CriticalMultiplier: 3, RangeIncrementFeet: 20)],
        };

    /// <summary>Dex 12: melee +1 (morningstar 1d6), AC 14, 6 hp, Reflex +1, initiative +1.</summary>
    public static Creature Goblin(string name, Cell at) =>
        new(EntityId.New(), name, "monsters", new AbilityScores(10, 12, 10, 10, 10, 10), 6, 6, at)
        {
            BaseAttackBonus = 1, ArmorBonus = 3,
            Weapons = [new Weapon("morningstar", "morningstar", "1d6")],
        };

    /// <summary>Int 16, Dex 14: Fireball (5d6, DC 16), Reflex +3, initiative +2, AC 12.</summary>
    public static Creature Wizard(string name, Cell at) =>
        new(EntityId.New(), name, "heroes", new AbilityScores(10, 14, 10, 16, 10, 10), 20, 20, at)
        {
            Level = 5, BaseAttackBonus = 2, BaseSaves = new(1, 1, 4),
            Weapons = [new Weapon("staff", "quarterstaff", "1d6")],
            Spells = [new SpellUses("fireball", 2)],
        };

    public EntityId Add(Creature creature, string? player = null)
    {
        Game.Write(tx =>
        {
            Placement.Put(tx, tx.Put, creature);
            if (player is not null) tx.Put(new CreatureControl(CreatureControl.KeyFor(creature.Id), creature.Id, [player], player));
        });
        return creature.Id;
    }

    public Creature Get(EntityId id) => Game.Read(tx => tx.Get<Creature>(id));

    public RuleResult Do(EntityId creature, string action, params AimTarget[] targets) => Do(Gm, creature, action, targets);

    public RuleResult Do(Actor actor, EntityId creature, string action, params AimTarget[] targets) =>
        Game.Write(tx => Rules.DoAction(tx, actor, new CoreActivity(creature, action, targets)));

    public RuleResult StartCombat(params EntityId[] creatures) => Game.Write(tx => Rules.StartCombat(tx, Gm, creatures));

    public RuleResult EndTurn(EntityId creature, Actor? actor = null) => Game.Write(tx => Rules.EndTurn(tx, actor ?? Gm, creature));

    public IReadOnlyList<StepPrerequisite> Pending(Actor actor, EntityId? creature = null) =>
        Game.Read(tx => Rules.GetPrerequisites(tx, actor, creature));

    public AnswerResult Answer(Actor actor, StepPrerequisite prompt, Answer answer) =>
        Game.Write(tx => Rules.SetPrerequisites(tx, actor, [new PrerequisiteAnswer(prompt.Step, prompt.Id, answer)])).Single();

    public EntityId? CurrentTurn() => Game.Read(tx => Rules.GetTurnTracker(tx, Gm)).Current;

    public void Dispose() => Game.Dispose();
}
