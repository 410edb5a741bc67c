using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Magic;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Sample;

/// <summary>
/// A small dungeon to play at once: a hall where four heroes start, a goblin guard room behind a
/// closed door, and an orc den. Mialee the wizard can cast Fireball twice. The heroes are allowed to
/// the given players (one each, in order Tordek, Mialee, Jozan, Lidda); the monsters are the master's.
/// </summary>
public static class SampleCampaign
{
    public static readonly string[] Dungeon =
    [
        "####################",
        "#......#...........#",
        "#......#...........#",
        "#......+...........#",
        "#......#...........#",
        "#......#####/#######",
        "#..........#.......#",
        "#..........#.......#",
        "#..........+.......#",
        "#..........#.......#",
        "####################",
    ];

    public static readonly string[] DefaultPlayers = ["alice", "bob", "carol", "dave"];

    /// <summary>Puts the map and creatures into a new game; returns their ids.</summary>
    public static SampleParty Create(Transaction tx, IReadOnlyList<string>? players = null)
    {
        players ??= DefaultPlayers;
        if (players.Count < 4) throw new ArgumentException("the sample campaign needs four players", nameof(players));
        tx.Put(GameMap.Parse("The Sunless Hall", Dungeon));

        var heroes = new[] { Tordek(), Mialee(), Jozan(), Lidda() };
        for (var i = 0; i < heroes.Length; i++)
        {
            tx.Put(heroes[i]);
            tx.Put(new CreatureControl(CreatureControl.KeyFor(heroes[i].Id), heroes[i].Id, [players[i]], null));
        }
        var goblins = new[] { Goblin(1, new Cell(10, 1)), Goblin(2, new Cell(12, 3)), Goblin(3, new Cell(15, 2)) };
        var orcs = new[] { Orc(1, new Cell(14, 7)), Orc(2, new Cell(16, 8)) };
        foreach (var monster in goblins.Concat(orcs)) tx.Put(monster);

        return new SampleParty(heroes[0].Id, heroes[1].Id, heroes[2].Id, heroes[3].Id,
            [.. goblins.Select(g => g.Id)], [.. orcs.Select(o => o.Id)]);
    }

    private static EntityId Id(string name) => EntityId.Named("sample:" + name);

    private static Creature Tordek() =>
        new(Id("tordek"), "Tordek", "heroes", new AbilityScores(15, 13, 16, 10, 12, 8), 45, 45, new Cell(2, 2))
        {
            Level = 5, BaseAttackBonus = 5, ArmorBonus = 7, BaseSaves = new(4, 1, 1), Speed = 20,
            Weapons = [new Weapon("waraxe", "dwarven waraxe", "1d10", CriticalMultiplier: 3)],
        };

    private static Creature Mialee() =>
        new(Id("mialee"), "Mialee", "heroes", new AbilityScores(10, 15, 12, 17, 12, 10), 22, 22, new Cell(1, 3))
        {
            Level = 5, BaseAttackBonus = 2, ArmorBonus = 0, BaseSaves = new(1, 1, 4), Speed = 30,
            Weapons =
            [
                new Weapon("quarterstaff", "quarterstaff", "1d6"),
                new Weapon("crossbow", "light crossbow", "1d8", ThreatFrom: 19, RangeIncrementFeet: 80),
            ],
            Spells = [new SpellUses(Fireball.Spell, 2)],
        };

    private static Creature Jozan() =>
        new(Id("jozan"), "Jozan", "heroes", new AbilityScores(14, 10, 13, 10, 16, 12), 33, 33, new Cell(2, 4))
        {
            Level = 5, BaseAttackBonus = 3, ArmorBonus = 6, BaseSaves = new(4, 1, 4), Speed = 20,
            Weapons = [new Weapon("morningstar", "morningstar", "1d8")],
        };

    private static Creature Lidda() =>
        new(Id("lidda"), "Lidda", "heroes", new AbilityScores(10, 17, 12, 12, 10, 14), 26, 26, new Cell(4, 3))
        {
            Level = 5, BaseAttackBonus = 3, ArmorBonus = 2, BaseSaves = new(1, 4, 1), Speed = 20,
            Weapons =
            [
                new Weapon("short-sword", "short sword", "1d6", ThreatFrom: 19),
                new Weapon("shortbow", "shortbow", "1d6", CriticalMultiplier: 3, RangeIncrementFeet: 60),
            ],
        };

    private static Creature Goblin(int number, Cell at) =>
        new(Id("goblin-" + number), $"Goblin {number}", "monsters", new AbilityScores(11, 13, 12, 10, 9, 6), 5, 5, at)
        {
            BaseAttackBonus = 1, ArmorBonus = 4, BaseSaves = new(2, 0, 0),
            Weapons = [new Weapon("morningstar", "morningstar", "1d6"), new Weapon("javelin", "javelin", "1d4", RangeIncrementFeet: 30)],
        };

    private static Creature Orc(int number, Cell at) =>
        new(Id("orc-" + number), $"Orc {number}", "monsters", new AbilityScores(17, 11, 12, 8, 7, 6), 5, 5, at)
        {
            BaseAttackBonus = 1, ArmorBonus = 3, BaseSaves = new(2, 0, 0),
            Weapons = [new Weapon("falchion", "falchion", "2d4", ThreatFrom: 18), new Weapon("javelin", "javelin", "1d4", RangeIncrementFeet: 30)],
        };
}
