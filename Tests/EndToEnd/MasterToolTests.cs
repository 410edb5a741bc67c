using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Host.Campaigns;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// The game master's tools during play (issue 15 §3), over loopback sockets: each reaches exactly the users whose
/// characters perceive the change. At the sample table: the master, alice (Tordek, in the hall at (2,2)), bob (Mialee,
/// at (1,3)) and dave, who plays nobody. The goblins' room lies behind a wall and a closed door.
/// </summary>
public class MasterToolTests
{
    private static readonly Guid Tordek = Sample.Tordek.Value;
    private static readonly Guid Mialee = Sample.Mialee.Value;
    private static readonly Guid Jozan = Sample.Jozan.Value;
    private static readonly Guid Goblin = Sample.Goblins[0].Value;

    [Fact]
    public async Task A_creature_placed_from_the_bestiary_appears_to_who_sees_its_square_only()
    {
        await using var table = await Table.SeatAsync();
        var master = table.Gm.Client.Master!;

        var inHall = await master.PlaceCreatureAsync(new PlacementInfo { Monster = "Goblin", X = 5, Y = 1 });
        var behindWall = await master.PlaceCreatureAsync(new PlacementInfo { Monster = "Orc", X = 10, Y = 2, Name = "Grukk" });

        Assert.Equal(("Goblin 4", 5, 1), (inHall.Name, inHall.X, inHall.Y)); // three goblins are in the game already
        var seen = await table.HeardAsync<CreatureAppearedInfo>(a => a.Creature == inHall.Id);
        Table.OnlyThese(seen, "gm", "alice", "bob");
        Assert.Equal((5, 1, "Goblin 4"), (seen["alice"][0].At.X, seen["alice"][0].At.Y, seen["alice"][0].Name));
        Table.OnlyThese(await table.HeardAsync<CreatureAppearedInfo>(a => a.Creature == behindWall.Id), "gm");
        Assert.Contains((await table.Alice.Client.Visualization.GetViewAsync(Tordek)).Creatures, c => c.Id == inHall.Id);
        Assert.DoesNotContain((await table.Alice.Client.Visualization.GetViewAsync(Tordek)).Creatures, c => c.Id == behindWall.Id);
    }

    [Fact]
    public async Task Bad_placements_are_typed_faults_that_change_nothing()
    {
        await using var table = await Table.SeatAsync();
        var master = table.Gm.Client.Master!;
        var serial = await table.Gm.Client.Game.GetSerialAsync();

        var unknown = await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => master.PlaceCreatureAsync(new PlacementInfo { Monster = "goblin", X = 5, Y = 1 }));
        Assert.Contains("did you mean `Goblin`?", unknown.Detail.Reason);
        Assert.Equal("placement", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(
            () => master.PlaceCreatureAsync(new PlacementInfo { Monster = "Goblin", X = 0, Y = 0 }))).Detail.Argument); // a wall
        Assert.Equal("placement", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(
            () => master.PlaceCreatureAsync(new PlacementInfo { Monster = "Goblin", X = 2, Y = 2 }))).Detail.Argument); // Tordek stands there
        Assert.Equal("placement.Name", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(
            () => master.PlaceCreatureAsync(new PlacementInfo { Monster = "Goblin", X = 5, Y = 1, Name = "tordek" }))).Detail.Argument);
        Assert.Equal("placement.Scene", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(
            () => master.PlaceCreatureAsync(new PlacementInfo { Monster = "Goblin", X = 5, Y = 1, Scene = Guid.NewGuid() }))).Detail.Argument);
        Assert.Equal(serial, await table.Gm.Client.Game.GetSerialAsync());
    }

    [Fact]
    public async Task A_removed_creature_disappears_for_who_saw_it_and_a_fighting_one_is_refused()
    {
        await using var table = await Table.SeatAsync();
        var master = table.Gm.Client.Master!;
        var placed = await master.PlaceCreatureAsync(new PlacementInfo { Monster = "Goblin", X = 5, Y = 1 });

        Assert.True((await master.RemoveCreatureAsync(placed.Id)).Accepted);
        Assert.True((await master.RemoveCreatureAsync(Goblin)).Accepted);

        Table.OnlyThese(await table.HeardAsync<CreatureDisappearedInfo>(d => d.Creature == placed.Id), "gm", "alice", "bob");
        Table.OnlyThese(await table.HeardAsync<CreatureDisappearedInfo>(d => d.Creature == Goblin), "gm");
        await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => table.Gm.Client.Game.GetCreatureAsync(Goblin));
        Assert.Equal("creature", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => master.RemoveCreatureAsync(Goblin))).Detail.Argument);

        Assert.True((await master.StartCombatAsync([Tordek])).Accepted);
        var fighting = await master.RemoveCreatureAsync(Tordek); // its initiative is being rolled
        Assert.False(fighting.Accepted);
        Assert.Contains("Tordek", fighting.Error);
    }

    [Fact]
    public async Task A_silent_move_is_seen_as_a_move_by_who_sees_it_and_no_one_is_told_the_master_did_it()
    {
        await using var table = await Table.SeatAsync();
        var master = table.Gm.Client.Master!;

        Assert.True((await master.MoveCreatureAsync(Goblin, null, 5, 2)).Accepted); // out of its room, into the hall
        Assert.True((await master.MoveCreatureAsync(Sample.Goblins[1].Value, null, 13, 3)).Accepted); // within its room

        var seen = await table.HeardAsync<CreatureMovedInfo>(m => m.Creature == Goblin);
        Table.OnlyThese(seen, "gm", "alice", "bob");
        Assert.Equal((10, 1, 5, 2), (seen["alice"][0].From.X, seen["alice"][0].From.Y, seen["alice"][0].To.X, seen["alice"][0].To.Y));
        Table.OnlyThese(await table.HeardAsync<CreatureMovedInfo>(m => m.Creature == Sample.Goblins[1].Value), "gm");
        var edited = await table.HeardAsync<SystemEventInfo>(e => e.What.Contains("game master", StringComparison.Ordinal));
        Assert.All(edited.Values, Assert.Empty);
        Assert.False((await master.MoveCreatureAsync(Goblin, null, 7, 1)).Accepted); // a wall
        Assert.False((await master.MoveCreatureAsync(Goblin, null, 2, 2)).Accepted); // Tordek's square
    }

    [Fact]
    public async Task Squares_redrawn_reach_who_sees_them_and_change_the_map()
    {
        await using var table = await Table.SeatAsync();
        var master = table.Gm.Client.Master!;

        Assert.True((await master.EditMapAsync(null, [new CellEditInfo { X = 5, Y = 2, Terrain = TerrainType.Wall }, new CellEditInfo { X = 15, Y = 3, Terrain = TerrainType.Difficult }])).Accepted);

        Table.OnlyThese(await table.HeardAsync<MapChangedInfo>(m => m.Cell.X == 5 && m.Cell.Y == 2), "gm", "alice", "bob");
        Table.OnlyThese(await table.HeardAsync<MapChangedInfo>(m => m.Cell.X == 15 && m.Cell.Y == 3), "gm");
        var view = await table.Gm.Client.Visualization.GetMasterViewAsync();
        Assert.Equal("wall", view.Visible.Single(c => c.X == 5 && c.Y == 2).Terrain);
        Assert.Equal("difficult", view.Visible.Single(c => c.X == 15 && c.Y == 3).Terrain);
        var onTordek = await master.EditMapAsync(null, [new CellEditInfo { X = 2, Y = 2, Terrain = TerrainType.Door }]);
        Assert.False(onTordek.Accepted);
        Assert.Contains("Tordek", onTordek.Error);
        Assert.Equal("scene", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(
            () => master.EditMapAsync(Guid.NewGuid(), [new CellEditInfo { X = 1, Y = 1 }]))).Detail.Argument);
    }

    [Fact]
    public async Task A_character_given_in_play_is_played_by_its_new_player_and_one_taken_is_no_longer_theirs()
    {
        await using var table = await Table.SeatAsync();
        var master = table.Gm.Client.Master!;

        Assert.True((await master.SetPlayersAsync(Jozan, ["carol", "dave"])).Accepted);
        Assert.True((await master.SetPlayersAsync(Tordek, [])).Accepted);

        var given = await table.HeardAsync<PlayersChangedInfo>(p => p.Creature == Jozan);
        Table.OnlyThese(given, "gm", "dave"); // carol, who had it before and keeps it, is not logged in
        Assert.Equal(["carol", "dave"], given["dave"][0].Players);
        Table.OnlyThese(await table.HeardAsync<PlayersChangedInfo>(p => p.Creature == Tordek), "gm", "alice");
        var played = await table.Dave.Client.Login.SelectCharactersAsync([Jozan], []);
        Assert.Equal("dave", played.Single(c => c.Id == Jozan).PlayedBy);
        Assert.True((await table.Dave.Client.Game.DoActionAsync(new ActivityInfo
        {
            Creature = Jozan, ActionKey = "move", Targets = [new TargetInfo { Key = "path", Cells = [new PointInfo { X = 3, Y = 4 }] }],
        })).Accepted);
        await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(() => table.Alice.Client.Game.GetActionsAsync(Tordek));
        Assert.Equal("users[0]", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => master.SetPlayersAsync(Jozan, ["nobody"]))).Detail.Argument);
    }

    [Fact]
    public async Task A_secret_check_reaches_the_player_of_the_creature_without_its_difficulty_and_the_outcome_only_the_master()
    {
        await using var table = await Table.SeatAsync();
        var master = table.Gm.Client.Master!;

        Assert.True((await master.RequestCheckAsync(new CheckRequestInfo { Creature = Tordek, Type = CheckType.Skill, Name = "Listen", Difficulty = 17, Secret = true })).Accepted);

        Table.OnlyThese(await table.HeardAsync<PromptWaitingInfo>(p => p.Fulfiller == Tordek), "gm", "alice");
        var prompt = Assert.Single(await table.Alice.Client.Game.GetPrerequisitesAsync(Tordek));
        Assert.Equal(("Roll", "1d20+1"), (prompt.Kind, prompt.DiceExpression)); // Wisdom 12: untrained Listen
        Assert.DoesNotContain("17", prompt.Prompt);
        Assert.Empty(await table.Bob.Client.Game.GetPrerequisitesAsync(null));
        table.Game.Dice.Enqueue(15);
        Assert.True(Assert.Single(await table.Alice.Client.Game.SetPrerequisitesAsync([new AnswerInfo { Prerequisite = prompt.Id, Step = prompt.Step }])).Accepted);

        var outcome = await table.HeardAsync<CheckResolvedInfo>(c => c.Creature == Tordek);
        Table.OnlyThese(outcome, "gm");
        Assert.Equal(("Listen check", 16, 17, false, true), (outcome["gm"][0].Check, outcome["gm"][0].Total, outcome["gm"][0].Difficulty, outcome["gm"][0].Succeeded, outcome["gm"][0].Secret));
        // Nothing alice received carries the difficulty: not a prompt, a roll, nor the end of the check.
        Assert.DoesNotContain("DC", string.Join("\n", table.Alice.Notifications.Select(Serialized)));
        Assert.All(table.Alice.Notifications.OfType<PromptWaitingInfo>(), p => Assert.DoesNotContain("17", p.Text));
        Assert.All(table.Alice.Notifications.OfType<DiceRolledInfo>(), r => Assert.DoesNotContain("17", r.Purpose));
        Assert.Contains(table.Alice.Notifications.OfType<DiceRolledInfo>(), r => r.Creature == Tordek && r.Total == 16);
    }

    [Fact]
    public async Task An_open_check_tells_its_player_the_outcome_and_a_bad_one_is_a_typed_fault()
    {
        await using var table = await Table.SeatAsync();
        var master = table.Gm.Client.Master!;

        Assert.True((await master.RequestCheckAsync(new CheckRequestInfo { Creature = Mialee, Type = CheckType.Save, Name = "reflex", Difficulty = 14 })).Accepted);
        var prompt = Assert.Single(await table.Bob.Client.Game.GetPrerequisitesAsync(Mialee));
        Assert.Contains("DC 14", prompt.Prompt);
        table.Game.Dice.Enqueue(11);
        Assert.True(Assert.Single(await table.Bob.Client.Game.SetPrerequisitesAsync([new AnswerInfo { Prerequisite = prompt.Id, Step = prompt.Step }])).Accepted);

        var outcome = await table.HeardAsync<CheckResolvedInfo>(c => c.Creature == Mialee);
        Table.OnlyThese(outcome, "gm", "bob");
        Assert.Equal(("Reflex save", 14, true), (outcome["bob"][0].Check, outcome["bob"][0].Total, outcome["bob"][0].Succeeded)); // 11 + 3
        Assert.Equal("check.Name", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(
            () => master.RequestCheckAsync(new CheckRequestInfo { Creature = Mialee, Type = CheckType.Skill, Name = "Lisen", Difficulty = 10 }))).Detail.Argument);
        Assert.Equal("check.Creature", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(
            () => master.RequestCheckAsync(new CheckRequestInfo { Creature = Guid.NewGuid(), Type = CheckType.Ability, Name = "str", Difficulty = 10 }))).Detail.Argument);
    }

    [Fact]
    public async Task A_free_roll_is_logged_and_reaches_everyone_in_the_game_or_the_masters_only()
    {
        await using var table = await Table.SeatAsync();
        var master = table.Gm.Client.Master!;

        table.Game.Dice.Enqueue(4, 5);
        var open = await master.RollDiceAsync("2d6+3", "wandering monsters", mastersOnly: false);
        table.Game.Dice.Enqueue(20);
        var hidden = await master.RollDiceAsync("1d20", null, mastersOnly: true);

        Assert.Equal((12, "gm"), (open.Total, open.AskedBy));
        var heard = await table.HeardAsync<DiceRolledInfo>(r => r.Purpose == "wandering monsters");
        Table.OnlyThese(heard, "gm", "alice", "bob"); // dave plays nobody: he is not in the game
        Assert.Equal(("2d6+3", 12), (heard["alice"][0].Expression, heard["alice"][0].Total));
        Table.OnlyThese(await table.HeardAsync<DiceRolledInfo>(r => r.Purpose == "free roll"), "gm");
        Assert.Equal(20, hidden.Total);
        Assert.Contains(await table.Alice.Client.Game.GetDiceLogAsync(10), r => r.Purpose == "wandering monsters");
        Assert.DoesNotContain(await table.Alice.Client.Game.GetDiceLogAsync(10), r => r.Purpose == "free roll");
        Assert.Contains(await table.Gm.Client.Game.GetDiceLogAsync(10), r => r.Purpose == "free roll");
        Assert.Equal("expression", (await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => master.RollDiceAsync("2d6+", null, false))).Detail.Argument);
    }

    [Fact]
    public async Task Creatures_move_between_the_scenes_of_a_campaign_and_appear_only_where_they_arrive()
    {
        var folder = Directory.CreateTempSubdirectory("ikosa-scenes");
        try
        {
            CopyFolder(ShippedCampaigns.Starter, folder.FullName);
            var valeros = EntityId.Named("crossroads:valeros").Value;
            var ezren = EntityId.Named("crossroads:ezren").Value;
            await using var table = await Table.SeatAsync(folder.FullName, valeros, ezren);
            var master = table.Gm.Client.Master!;
            var scenes = await master.GetScenesAsync();
            Assert.Equal(["Taproom", "Road"], scenes.Select(s => s.Name));
            var bestiary = await master.GetBestiaryAsync();
            Assert.Equal(bestiary.Select(m => m.Name).Order(StringComparer.Ordinal), bestiary.Select(m => m.Name));
            Assert.Equal((true, 4), bestiary.Where(m => m.Name == "Cellar Rat").Select(m => (m.FromCampaign, m.HitPoints)).Single());
            Assert.Contains(bestiary, m => m is { Name: "Wolf", FromCampaign: false });
            var road = scenes[1].Id;

            Assert.True((await master.MoveCreatureAsync(ezren, road, 14, 2)).Accepted);
            var rat = await master.PlaceCreatureAsync(new PlacementInfo { Monster = "Cellar Rat", Scene = road, X = 13, Y = 2 }); // the campaign's own bestiary

            Table.OnlyThese(await table.HeardAsync<CreatureDisappearedInfo>(d => d.Creature == ezren), "gm", "alice", "bob"); // Valeros saw him go
            Table.OnlyThese(await table.HeardAsync<CreatureAppearedInfo>(a => a.Creature == ezren), "gm", "bob");
            Table.OnlyThese(await table.HeardAsync<CreatureAppearedInfo>(a => a.Creature == rat.Id), "gm", "bob");
            var view = await table.Bob.Client.Visualization.GetViewAsync(ezren);
            Assert.Contains(view.Creatures, c => c.Name.StartsWith("Wolf", StringComparison.Ordinal));
            Assert.DoesNotContain((await table.Alice.Client.Visualization.GetViewAsync(valeros)).Creatures, c => c.Id == ezren);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Serialized(NotificationInfo item)
    {
        using var stream = new MemoryStream();
        new System.Runtime.Serialization.DataContractSerializer(typeof(NotificationInfo), [item.GetType()]).WriteObject(stream, item);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
