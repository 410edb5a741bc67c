using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Host.Campaigns;

namespace Ikosa.Tests.Campaigns;

public class CampaignReaderTests
{
    private const string Valid = """
        campaign: Test
        key: test
        users:
          gm: master
          alice: player
        characters:
          - name: Hero
            players: [alice]
            abilities: { str: 14, dex: 12, con: 12, int: 10, wis: 10, cha: 10 }
            hit-points: 12
            armor-class: 15
            saves: { fortitude: 3, reflex: 1, will: 0 }
            attacks:
              - { name: longsword, bonus: +3, damage: 1d8+2, critical: 19-20 }
        scenes:
          - name: Room
            map: |
              #####
              #...#
              #.+.#
              #####
            creatures:
              - { character: Hero, at: [1, 1] }
              - { monster: Goblin, at: [3, 1] }
        """;

    [Fact]
    public void The_sample_folder_keeps_the_ids_names_positions_numbers_and_players_the_tests_rely_on()
    {
        var sample = CampaignReader.Load(ShippedCampaigns.Sample);
        var byName = sample.Creatures.ToDictionary(c => c.Name);

        Assert.Equal(["Goblin 1", "Goblin 2", "Goblin 3", "Jozan", "Lidda", "Mialee", "Orc 1", "Orc 2", "Tordek"], byName.Keys.Order());
        Assert.Equal(Sample.Tordek, byName["Tordek"].Id);
        Assert.Equal([.. Sample.Goblins, .. Sample.Orcs], new[] { "Goblin 1", "Goblin 2", "Goblin 3", "Orc 1", "Orc 2" }.Select(n => byName[n].Id));
        var tordek = byName["Tordek"];
        Assert.Equal((new Cell(2, 2), 45, 18, 7, new SaveBonuses(4, 1, 1), 20), (tordek.Position, tordek.HitPoints, tordek.ArmorClass(), tordek.ArmorBonus, tordek.BaseSaves, tordek.Speed));
        Assert.Equal(7, tordek.AttackBonus(tordek.Weapons[0]));
        Assert.Equal(2, byName["Mialee"].SpellsLeft("fireball"));
        Assert.Equal([new Cell(10, 1), new Cell(12, 3), new Cell(15, 2), new Cell(14, 7), new Cell(16, 8)],
            new[] { "Goblin 1", "Goblin 2", "Goblin 3", "Orc 1", "Orc 2" }.Select(n => byName[n].Position));
        Assert.Equal((5, 15, "monsters"), (byName["Goblin 1"].HitPoints, byName["Goblin 1"].ArmorClass(), byName["Goblin 1"].Team));
        Assert.Equal(["alice", "bob", "carol", "dave"], sample.Controls.OrderBy(c => c.Creature == Sample.Tordek ? 0 : c.Creature == Sample.Mialee ? 1 : c.Creature == Sample.Jozan ? 2 : 3).Select(c => c.AllowedUsers.Single()));
        Assert.Equal(["alice", "bob", "carol", "dave", "gm"], sample.Users.Select(u => u.Name).Order());
        Assert.True(sample.Users.Single(u => u.Name == "gm").IsMaster);
        var map = Assert.Single(sample.Maps);
        Assert.Equal(("The Sunless Hall", 20, 11), (map.Name, map.Width, map.Height));
        Assert.Equal(Terrain.ClosedDoor, map.TerrainAt(new Cell(7, 3)));
        Assert.Equal(Terrain.OpenDoor, map.TerrainAt(new Cell(12, 5)));
        Assert.All(sample.Creatures, c => Assert.Equal(map.Id, c.Scene));
    }

    [Fact]
    public void Every_error_is_reported_with_its_file_line_and_column_and_a_suggestion_and_nothing_is_loaded()
    {
        using var folder = new CampaignFolder("""
            campaign: Errors
            rules: [d20-srf]
            users:
              gm: master
              alice: player
              bob: playr
            characters:
              - name: Hero
                players: [alcie]
                abilities: { str: 14, dex: 12, con: 12, int: 10, wis: 10, cha: 10 }
                hit-point: 12
                armor-class: 15
                saves: { fortitude: 3, reflex: 1, will: 0 }
                attacks:
                  - { name: longsword, bonus: +3, damage: 1d8+x }
            scenes:
              - name: Room
                map: |
                  #####
                  #..X#
                  #.+.#
                  #####
                creatures:
                  - { character: Hero, at: [1, 1] }
                  - { monster: orc, at: [2, 1] }
                  - { monster: Goblin, at: [2, 2] }
                  - { monster: Goblin, at: [9, 9] }
                  - { monster: Goblin, name: hero, at: [1, 2] }
            """);

        Assert.Equal(
        [
            "campaign.yaml:2:9: rule package `d20-srf` is not loaded (loaded: d20-srd): start the host (or 'check') with --rules and its DLL or folder; did you mean `d20-srd`?",
            "campaign.yaml:6:8: `playr` is not a role; did you mean `player`?",
            "campaign.yaml:8:5: a character needs `hit-points`",
            "campaign.yaml:9:15: `alcie` is not a user of this campaign; did you mean `alice`?; add it under `users`",
            "campaign.yaml:11:5: `hit-point` is not a field of a character; did you mean `hit-points`?",
            "campaign.yaml:15:47: the damage of longsword: '1d8+x' is not a dice expression (like 1d20+5 or 2d6+1d4-1)",
            "campaign.yaml:20:10: `X` in the map of `Room` is not in the legend; add it under `legend:` (known: # . + / ~)",
            "campaign.yaml:25:20: `orc` is not in the bestiary; did you mean `Orc`?",
            "campaign.yaml:26:32: Goblin 1 at (2,2) would stand in a closed door of `Room`",
            "campaign.yaml:27:32: Goblin 2 at (9,9) is outside `Room`, which is 5 by 4 (x from 0 to 4, y from 0 to 3)",
            "campaign.yaml:28:28: two creatures are named `hero` (the other at line 24); names must differ, not only in case",
        ], folder.Errors());
        Assert.Throws<CampaignCheckException>(folder.Load);
    }

    [Fact]
    public void A_valid_campaign_loads_its_users_sheet_map_and_creatures()
    {
        using var folder = new CampaignFolder(Valid);
        Assert.Empty(folder.Errors());
        var campaign = folder.Load();

        var hero = campaign.Creatures.Single(c => c.Name == "Hero");
        Assert.Equal((CampaignIds.Creature("test", "Hero"), new Cell(1, 1), 12, 15, 3), (hero.Id, hero.Position, hero.MaxHitPoints, hero.ArmorClass(), hero.SaveBonus(SaveKind.Fortitude)));
        Assert.Equal((3, "1d8", 19), (hero.AttackBonus(hero.Weapons[0]), hero.Weapons[0].Damage, hero.Weapons[0].ThreatFrom));
        Assert.Equal("Goblin 1", campaign.Creatures.Single(c => c.Kind == "Goblin").Name);
        Assert.Equal(["alice"], campaign.Controls.Single().AllowedUsers);
        Assert.Equal(("Test", "test"), (campaign.Header.Name, campaign.Header.Key));
        Assert.Equal(["d20-srd"], campaign.Header.RulePackages);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_where_it_is()
    {
        using var folder = new CampaignFolder("""
            campaign: Broken
            users:
              gm: master
             alice: player
            """);
        var error = Assert.Single(folder.Errors());
        Assert.StartsWith("campaign.yaml:4:", error);
        Assert.Contains("not valid YAML", error);
    }

    [Fact]
    public void Two_creatures_may_not_share_a_name_in_any_case_nor_names_that_make_the_same_id()
    {
        using var folder = new CampaignFolder(Valid.Replace("""
                  - { monster: Goblin, at: [3, 1] }
            """, """
                  - { monster: Goblin, name: Snik, at: [3, 1] }
                  - { monster: Goblin, name: SNIK, at: [3, 2] }
                  - { monster: Orc, name: Big-Orc, at: [1, 2] }
                  - { monster: Orc, name: Big Orc, at: [2, 1] }
            """));
        var errors = folder.Errors();
        Assert.Equal(2, errors.Count);
        Assert.Contains("two creatures are named `SNIK`", errors[0]);
        Assert.Contains("`Big Orc` and `Big-Orc`", errors[1]);
        Assert.Contains("same id `big-orc`", errors[1]);
    }

    [Fact]
    public void A_map_may_be_a_size_and_cells_and_a_legend_may_add_symbols()
    {
        using var folder = new CampaignFolder(Valid.Replace("""
                map: |
                  #####
                  #...#
                  #.+.#
                  #####
            """, """
                size: [6, 4]
                fill: wall
                cells:
                  - { at: [1, 1], to: [4, 2], terrain: floor }
                  - { at: [2, 2], terrain: difficult }
                  - { at: [4, 2], terrain: open door }
            """).Replace("characters:", """
            legend:
              "T": wall
            characters:
            """));
        Assert.Empty(folder.Errors());
        var map = Assert.Single(folder.Load().Maps);
        Assert.Equal((6, 4), (map.Width, map.Height));
        Assert.Equal(["######", "#....#", "#.~./#", "######"], map.Rows());
    }

    [Fact]
    public void An_unknown_terrain_or_a_legend_symbol_of_several_characters_is_refused_with_a_suggestion()
    {
        using var folder = new CampaignFolder(Valid.Replace("characters:", """
            legend:
              "T": walll
              "ab": wall
            characters:
            """));
        Assert.Equal(
        [
            "campaign.yaml:7:8: `walll` is not a terrain; did you mean `wall`?",
            "campaign.yaml:8:3: `ab` is not one character: a legend maps one character of the map to a terrain (quote it, like \"#\")",
        ], folder.Errors());
    }

    [Fact]
    public void Characters_must_each_be_placed_once_and_creatures_not_on_one_square()
    {
        using var folder = new CampaignFolder(Valid.Replace("""
                  - { monster: Goblin, at: [3, 1] }
            """, """
                  - { monster: Goblin, at: [1, 1] }
                  - { character: Hero, at: [3, 1] }
                  - { character: Hreo, at: [3, 1] }
            """));
        var errors = folder.Errors();
        Assert.Contains(errors, e => e.Contains("Goblin 1 and Hero both stand at (1,1)"));
        Assert.Contains(errors, e => e.Contains("Hero is already placed in a scene"));
        Assert.Contains(errors, e => e.Contains("`Hreo` is not one of the `characters`; did you mean `Hero`?"));
    }

    [Fact]
    public void A_missing_folder_or_manifest_is_one_clear_error()
    {
        Assert.Contains("no campaign folder here", Assert.Single(CampaignReader.Check("/no/such/folder").Errors).Message);
        using var empty = new CampaignFolder("");
        File.Delete(empty.Manifest);
        Assert.Contains("needs a campaign.yaml", Assert.Single(empty.Errors()));
    }

    [Fact]
    public void A_campaign_s_own_bestiary_adds_monsters_and_its_errors_name_that_file()
    {
        using var folder = new CampaignFolder(Valid.Replace("monster: Goblin", "monster: Cave Bat"), """
            monsters:
              - name: Cave Bat
                size: tiny
                hit-points: 2
                abilities: { str: 1, dex: 15, con: 10, int: 2, wis: 14, cha: 4 }
                armor-class: 16
                saves: { fortitude: 2, reflex: 4, will: 2 }
                attacks:
                  - { name: bite, bonus: +4, damage: 1d3-4 }
                skills: { Listen: 8, Spott: 8 }
            """);
        Assert.Equal(["bestiary.yaml:10:26: `Spott` is not an SRD skill; did you mean `Spot`?"], folder.Errors());
    }
}
