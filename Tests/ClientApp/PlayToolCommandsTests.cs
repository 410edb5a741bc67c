using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Session;
using Ikosa.Engine.Model;

namespace Ikosa.Tests.ClientApp;

/// <summary>
/// The game master's tools during play, typed in the terminal app against a real host over loopback: each does what
/// it says, and bad input is refused with a message saying what is wrong, committing nothing.
/// </summary>
public class PlayToolCommandsTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;

    /// <summary>Runs a command that must be refused, and checks that the host committed nothing for it.</summary>
    private static async Task<string> RefusedWithoutChange(AppSessions app, CommandExecutor commands, string line)
    {
        var before = app.Game.Game.Serial;
        var message = await commands.Refused(line);
        Assert.Equal(before, app.Game.Game.Serial);
        return message;
    }

    [Fact]
    public async Task Scenes_lists_the_campaigns_scenes_and_players_may_not_use_the_tools()
    {
        await using var app = await AppSessions.StartAsync();
        var (_, gm) = await app.LoginAsync("gm");
        var (_, alice) = await app.LoginAsync("alice");

        var scenes = await gm.Ok("scenes");
        Assert.Contains(scenes.Lines, l => l.Contains("(20x11)", StringComparison.Ordinal) && l.EndsWith(", where the game opens", StringComparison.Ordinal));
        Assert.Contains((await gm.Ok("bestiary")).Lines, l => l.StartsWith("Goblin: small, level 1, ", StringComparison.Ordinal));
        Assert.All((await gm.Ok("bestiary orc")).Lines, l => Assert.Contains("orc", l, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("'bestiary' alone lists them all", await gm.Refused("bestiary dragonfly"), StringComparison.Ordinal);

        foreach (var tool in new[] { "scenes", "scene", "bestiary", "place Goblin at=5,1", "remove Goblin 1", "relocate Tordek at=5,1", "terrain wall 5,2", "give Tordek bob", "take Tordek alice", "check Tordek skill Listen dc=10", "roll 1d20" })
            Assert.Equal($"'{tool.Split(' ')[0]}' is for the game master", await RefusedWithoutChange(app, alice, tool));
    }

    [Fact]
    public async Task Scene_shows_another_scene_on_the_masters_map()
    {
        await using var app = await AppSessions.StartAsync(Ikosa.Host.Campaigns.ShippedCampaigns.Starter);
        var (session, gm) = await app.LoginAsync("gm");
        Assert.Equal((14, 7), await MapSizeAsync(session));

        Assert.Equal(["the map shows Road (20x10)"], (await gm.Ok("scene road")).Lines);
        Assert.Equal((20, 10), await MapSizeAsync(session));
        Assert.Contains((await session.RefreshAsync()).View!.Creatures, c => c.Name == "Wolf 1");

        Assert.Equal("there is no scene 'cellar'; the scenes are: Taproom, Road", await gm.Refused("scene cellar"));
        Assert.Equal((20, 10), await MapSizeAsync(session));
        await gm.Ok("scene");
        Assert.Equal((14, 7), await MapSizeAsync(session));
    }

    private static async Task<(int, int)> MapSizeAsync(GameSession session)
    {
        var view = (await session.RefreshAsync()).View!;
        return (view.Width, view.Height);
    }

    [Fact]
    public async Task Place_puts_a_monster_from_the_bestiary_on_the_map_and_refuses_what_it_cannot()
    {
        await using var app = await AppSessions.StartAsync();
        var (gmSession, gm) = await app.LoginAsync("gm");

        var placed = await gm.Ok("place Orc at=5,1 name=Grukk");
        Assert.Equal(["Grukk placed at (5,1)"], placed.Lines);
        var view = await gmSession.Client.Visualization.GetMasterViewAsync();
        Assert.Contains(view.Creatures, c => c.Name == "Grukk" && (c.X, c.Y) == (5, 1));

        Assert.Contains("Orc", await RefusedWithoutChange(app, gm, "place orc at=6,1")); // names the bestiary's spelling
        Assert.Contains("placement", await RefusedWithoutChange(app, gm, "place Goblin at=40,40")); // off the map
        Assert.Contains("placement", await RefusedWithoutChange(app, gm, "place Goblin at=0,0")); // a wall
        Assert.Contains("placement", await RefusedWithoutChange(app, gm, "place Goblin at=5,1")); // Grukk stands there
        Assert.Contains("there is no scene 'Nowhere'", await RefusedWithoutChange(app, gm, "place Goblin at=6,1 scene=Nowhere"));
        Assert.Equal("place MONSTER at=X,Y [scene=NAME] [name=NEW]", await RefusedWithoutChange(app, gm, "place Goblin at=six,1"));
        Assert.Equal("place MONSTER at=X,Y [scene=NAME] [name=NEW]", await RefusedWithoutChange(app, gm, "place at=6,1"));
        Assert.Equal(view.Creatures.Count, (await gmSession.Client.Visualization.GetMasterViewAsync()).Creatures.Count);
    }

    [Fact]
    public async Task Remove_takes_a_creature_out_and_refuses_a_name_it_does_not_know()
    {
        await using var app = await AppSessions.StartAsync();
        var (gmSession, gm) = await app.LoginAsync("gm");
        await gm.Ok("place Goblin at=5,1 name=Snik");

        Assert.Equal(["Snik removed"], (await gm.Ok("remove Snik")).Lines);
        Assert.DoesNotContain((await gmSession.Client.Visualization.GetMasterViewAsync()).Creatures, c => c.Name == "Snik");

        var count = (await gmSession.Client.Visualization.GetMasterViewAsync()).Creatures.Count;
        Assert.Contains("no creature called 'Snik'", await RefusedWithoutChange(app, gm, "remove Snik"));
        Assert.Contains("Nobody", await RefusedWithoutChange(app, gm, "remove Nobody"));
        Assert.Equal("name a creature", await RefusedWithoutChange(app, gm, "remove"));
        Assert.Equal(count, (await gmSession.Client.Visualization.GetMasterViewAsync()).Creatures.Count);
    }

    [Fact]
    public async Task Relocate_moves_any_creature_and_refuses_a_square_off_the_map_or_taken()
    {
        await using var app = await AppSessions.StartAsync();
        var (gmSession, gm) = await app.LoginAsync("gm");

        Assert.Equal(["Tordek moved to (5,1)"], (await gm.Ok("relocate Tordek at=5,1")).Lines);
        Assert.Equal((5, 1), await PositionAsync(gmSession, Tordek));

        await RefusedWithoutChange(app, gm, "relocate Tordek at=40,40"); // off the map
        await RefusedWithoutChange(app, gm, "relocate Tordek at=0,0"); // a wall
        Assert.Contains("there is no scene 'Nowhere'", await RefusedWithoutChange(app, gm, "relocate Tordek at=6,1 scene=Nowhere"));
        Assert.Equal("relocate NAME at=X,Y [scene=NAME]", await RefusedWithoutChange(app, gm, "relocate Tordek"));
        Assert.Contains("Nobody", await RefusedWithoutChange(app, gm, "relocate Nobody at=6,1"));
        Assert.Equal((5, 1), await PositionAsync(gmSession, Tordek));
    }

    [Fact]
    public async Task Terrain_redraws_squares_and_refuses_an_unknown_kind_or_a_square_that_is_not_one()
    {
        await using var app = await AppSessions.StartAsync();
        var (gmSession, gm) = await app.LoginAsync("gm");

        Assert.Equal(["2 square(s) redrawn"], (await gm.Ok("terrain wall 5,2 6,2")).Lines);
        var map = string.Join("\n", (await gm.Ok("map")).Lines);

        Assert.Equal("terrain wall|floor|door|open-door|difficult X,Y [X,Y...] [scene=NAME]", await RefusedWithoutChange(app, gm, "terrain lava 5,3"));
        Assert.Equal("terrain wall|floor|door|open-door|difficult X,Y [X,Y...] [scene=NAME]", await RefusedWithoutChange(app, gm, "terrain wall"));
        Assert.Equal("'5;3' is not a square: write X,Y", await RefusedWithoutChange(app, gm, "terrain wall 5,3 5;3"));
        Assert.Contains("there is no scene 'Nowhere'", await RefusedWithoutChange(app, gm, "terrain wall 5,3 scene=Nowhere"));
        await RefusedWithoutChange(app, gm, "terrain wall 5,3 40,40"); // off the map: neither square changes
        Assert.Equal(map, string.Join("\n", (await gm.Ok("map")).Lines));
    }

    [Fact]
    public async Task Give_and_take_change_who_plays_a_character_and_refuse_an_unknown_user()
    {
        await using var app = await AppSessions.StartAsync();
        var (gmSession, gm) = await app.LoginAsync("gm");

        Assert.Equal(["Tordek: alice, bob"], (await gm.Ok("give Tordek bob")).Lines);
        Assert.Equal(["Tordek: bob"], (await gm.Ok("take Tordek alice")).Lines);
        Assert.Equal(["bob"], (await gmSession.Client.Game.GetCreatureAsync(Tordek)).Sheet!.Players);

        Assert.Contains("users", await RefusedWithoutChange(app, gm, "give Tordek nobody"));
        Assert.Equal("give NAME USER", await RefusedWithoutChange(app, gm, "give Tordek"));
        Assert.Contains("Nobody", await RefusedWithoutChange(app, gm, "take Nobody bob"));
        Assert.Equal(["bob"], (await gmSession.Client.Game.GetCreatureAsync(Tordek)).Sheet!.Players);
    }

    [Fact]
    public async Task Check_reaches_the_player_as_a_prompt_and_refuses_a_bad_request()
    {
        await using var app = await AppSessions.StartAsync();
        var (_, gm) = await app.LoginAsync("gm");
        var (_, alice) = await app.LoginAsync("alice");
        await alice.Ok("play Tordek");

        Assert.Equal(["asked Tordek for a Listen skill against DC 17 (secret)"], (await gm.Ok("check Tordek skill Listen dc=17 secret")).Lines);
        var prompt = Assert.Single((await alice.Ok("prompts")).Lines);
        Assert.Contains("Listen", prompt);
        Assert.DoesNotContain("17", prompt); // the DC is secret

        Assert.Equal("check NAME ability|skill|save WHAT dc=N [secret]", await RefusedWithoutChange(app, gm, "check Tordek skill Listen"));
        Assert.Equal("check NAME ability|skill|save WHAT dc=N [secret]", await RefusedWithoutChange(app, gm, "check Tordek skill Listen dc=hard"));
        Assert.Equal("check NAME ability|skill|save WHAT dc=N [secret]", await RefusedWithoutChange(app, gm, "check Tordek dc=10"));
        Assert.Contains("check.Name", await RefusedWithoutChange(app, gm, "check Tordek skill Lisen dc=10"));
        Assert.Contains("Nobody", await RefusedWithoutChange(app, gm, "check Nobody save reflex dc=10"));
        Assert.Single((await alice.Ok("prompts")).Lines);
    }

    [Fact]
    public async Task Roll_rolls_for_everyone_or_the_masters_only_and_refuses_bad_dice()
    {
        await using var app = await AppSessions.StartAsync();
        var (_, gm) = await app.LoginAsync("gm");
        var (_, alice) = await app.LoginAsync("alice");

        app.Game.Dice.Enqueue(4, 5);
        var open = Assert.Single((await gm.Ok("roll 2d6+3 wandering monsters")).Lines);
        Assert.Equal("wandering monsters: 2d6+3 = 12", open);
        app.Game.Dice.Enqueue(20);
        var hidden = Assert.Single((await gm.Ok("roll 1d20 gm ambush")).Lines);
        Assert.Equal("ambush: 1d20 = 20 (masters only)", hidden);

        var dice = string.Join("\n", (await alice.Ok("dice 20")).Lines);
        Assert.Contains("wandering monsters", dice);
        Assert.DoesNotContain("ambush", dice);

        Assert.Contains("expression", await RefusedWithoutChange(app, gm, "roll 2d6+"));
        Assert.Contains("expression", await RefusedWithoutChange(app, gm, "roll dice"));
        Assert.Equal("roll DICE [gm] [why...]", await RefusedWithoutChange(app, gm, "roll"));
    }

    private static async Task<(int X, int Y)> PositionAsync(Ikosa.Client.App.Session.GameSession session, Guid creature)
    {
        var info = await session.Client.Game.GetCreatureAsync(creature);
        return (info.X, info.Y);
    }
}
