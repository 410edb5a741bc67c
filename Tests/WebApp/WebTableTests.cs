using System.Net;
using Ikosa.Client.App.Session;
using Ikosa.Client.App.Web;
using Ikosa.Tests.ClientApp;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ikosa.Tests.WebApp;

/// <summary>
/// The graphical table in a real browser (Debian's chromium driven by Playwright) over a loopback host: a game master and
/// two players, each in a browser context of their own, play a combat round with clicks. Screenshots of every view go
/// to TestResults/web/.
/// </summary>
public class WebTableTests
{
    private static readonly Guid Tordek = Sample.Tordek.Value;
    private static readonly Guid Mialee = Sample.Mialee.Value;

    static WebTableTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task A_request_without_the_secret_is_refused()
    {
        await using var app = await AppSessions.StartAsync();
        var (alice, _) = await app.LoginAsync("alice");
        await using var server = await WebServer.StartAsync(alice);
        using var http = new HttpClient();
        var root = new Uri($"http://127.0.0.1:{server.Url.Port}/");

        Assert.Equal("127.0.0.1", server.Url.Host);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(server.Url)).StatusCode);
        foreach (var path in new[] { "", "api/state", "events", "table.js", "wrong-secret/", "wrong-secret/api/state", server.Url.AbsolutePath.Trim('/')[..^1] + "/" })
        {
            var response = await http.GetAsync(new Uri(root, path));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET /{path} answered {response.StatusCode}");
        }
        var post = await http.PostAsync(new Uri(root, "api/chat"), new StringContent("""{"audience":"everyone","text":"let me in"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain(alice.Log.Last(100), e => e.Text.Contains("let me in", StringComparison.Ordinal));
    }

    [Fact]
    public void The_graphical_app_accepts_a_masters_whole_big_map()
    {
        var options = new Ikosa.Client.App.AppOptions { Host = new Uri("net.tcp://gm-laptop:9000/ikosa/"), Web = true }.ToClientOptions();

        Assert.Equal(Ikosa.Client.App.AppOptions.WebMessageSize, options.Binding.MaxReceivedMessageSize);
    }

    [BrowserFact]
    public async Task A_master_and_two_players_play_a_combat_round_with_clicks()
    {
        await using var app = await AppSessions.StartAsync();
        var (gmSession, _) = await app.LoginAsync("gm");
        var (aliceSession, _) = await app.LoginAsync("alice");
        var (bobSession, bobCommands) = await app.LoginAsync("bob");
        await bobCommands.Ok("play Mialee");
        await using var table = await WebTable.OpenAsync(gmSession, aliceSession, bobSession);
        var (gm, alice, bob) = (table.Gm, table.Alice, table.Bob);
        var dice = app.Game.Dice;

        // Alice picks her character on the page; then she sees her hall, and nothing of the goblins behind the closed door.
        await alice.Page.Locator("#characters button", new() { HasText = "play Tordek" }).ClickAsync();
        foreach (var page in new[] { gm, alice, bob })
            await page.ReadyAsync();
        await alice.WaitStateAsync("s.me && s.me.name === 'Tordek'");
        await Expect(alice.Page.Locator("#sheet")).ToContainTextAsync("Hit points 45 / 45");
        await AssertHiddenAsync(alice, "Goblin 2");
        await gm.WaitStateAsync("s.tokens.some(t => t.name === 'Goblin 2')");
        foreach (var page in new[] { gm, alice, bob })
            await page.ScreenshotAsync("1-start");

        // The game master moves Goblin 1 beside Tordek, silently (the players see it come into sight).
        await gm.ClickSquareAsync(10, 1);
        await gm.Page.Locator("#master button[data-op=move]").ClickAsync();
        await gm.ClickSquareAsync(3, 1);
        await alice.WaitStateAsync("s.tokens.some(t => t.name === 'Goblin 1' && t.x === 3 && t.y === 1)");
        await Expect(alice.Page.Locator("#sight")).ToContainTextAsync("Goblin 1 (3,1)");
        await AssertHiddenAsync(alice, "Goblin 2");

        // Combat with Tordek, Mialee and the goblin, chosen by clicking their tokens.
        await gm.WaitStateAsync("s.tokens.some(t => t.name === 'Goblin 1' && t.x === 3)");
        await gm.ClickSquareAsync(2, 2);
        await gm.ClickSquareAsync(1, 3, shift: true);
        await gm.ClickSquareAsync(3, 1, shift: true);
        dice.Enqueue(1);
        await gm.Page.Locator("#master button[data-op=start-combat]").ClickAsync();

        // Initiative prompts come as dialogs; the host rolls.
        await Expect(alice.Page.Locator("#prompt")).ToBeVisibleAsync();
        await Expect(alice.Page.Locator("#prompt-text")).ToContainTextAsync("initiative");
        dice.Enqueue(2);
        await alice.Page.Locator("#roll-for-me").ClickAsync();
        await Expect(alice.Page.Locator("#prompt")).ToBeHiddenAsync();
        await Expect(bob.Page.Locator("#prompt")).ToBeVisibleAsync();
        dice.Enqueue(20);
        await bob.Page.Locator("#roll-for-me").ClickAsync();
        await bob.WaitStateAsync($"s.tracker.current === '{Mialee}' && s.actions.length > 0");
        await Expect(bob.Page.Locator("#turns li.current")).ToContainTextAsync("Mialee");

        // Mialee moves: a square too far is refused before anything is sent; one in reach shows its cost and goes.
        await bob.ClickSquareAsync(1, 3);
        await bob.ClickSquareAsync(6, 9);
        await Expect(bob.Page.Locator("#pending-text")).ToContainTextAsync("out of reach");
        await Expect(bob.Page.Locator("#confirm")).ToBeHiddenAsync();
        Assert.Equal((1, 3), await PositionAsync(bobSession, Mialee));
        await bob.Page.Locator("#cancel").ClickAsync();
        await bob.ClickSquareAsync(1, 4);
        await bob.ConfirmAsync("Mialee moves 5 ft to (1,4)");
        await bob.WaitStateAsync("s.me.x === 1 && s.me.y === 4");
        Assert.Equal((1, 4), await PositionAsync(bobSession, Mialee));

        // Fireball: the template and whom it catches are shown before it is cast — Mialee herself among them.
        await bob.Page.Locator("#actions button[data-action=cast-fireball]").ClickAsync();
        await bob.ClickSquareAsync(1, 5);
        await Expect(bob.Page.Locator("#pending-text")).ToContainTextAsync("including yourself");
        var caught = await bob.Page.Locator("#pending-text").InnerTextAsync();
        Assert.Contains("Tordek", caught);
        Assert.DoesNotContain("Goblin", caught);
        await bob.ScreenshotAsync("2-fireball-template");
        dice.Enqueue(6, 5, 4, 3, 2);
        await bob.Page.Locator("#confirm").ClickAsync();

        // Each player gets their own character's save as a dialog; the master sees both in his list, not as dialogs.
        await Expect(alice.Page.Locator("#prompt-text")).ToContainTextAsync("Tordek: Reflex save");
        await Expect(bob.Page.Locator("#prompt-text")).ToContainTextAsync("Mialee: Reflex save");
        Assert.DoesNotContain("Mialee: Reflex save", await alice.Page.Locator("#prompt-text").InnerTextAsync());
        Assert.Single(await alice.Page.EvaluateAsync<string[]>("() => ikosa.state().prompts.map(p => p.text)"));
        await Expect(gm.Page.Locator("#master-prompts")).ToContainTextAsync("Tordek: Reflex save");
        await Expect(gm.Page.Locator("#prompt")).ToBeHiddenAsync();
        foreach (var page in new[] { gm, alice, bob })
            await page.ScreenshotAsync("3-saves");
        dice.Enqueue(20);
        await alice.Page.Locator("#roll-for-me").ClickAsync();
        await Expect(alice.Page.Locator("#prompt")).ToBeHiddenAsync();
        dice.Enqueue(1);
        await bob.Page.Locator("#roll-for-me").ClickAsync();
        await Expect(alice.Page.Locator("#sheet")).ToContainTextAsync("Hit points 35 / 45");
        await Expect(bob.Page.Locator("#sheet")).ToContainTextAsync("Hit points 2 / 22");

        // Mialee ends her turn; Tordek attacks the goblin by clicking it.
        await bob.Page.Locator("#end-turn").ClickAsync();
        await alice.WaitStateAsync($"s.tracker.current === '{Tordek}' && s.actions.some(a => a.key === 'melee-attack')");
        await alice.ClickSquareAsync(2, 2);
        await alice.ClickSquareAsync(3, 1);
        dice.Enqueue(15, 5);
        await alice.ConfirmAsync("Attack Goblin 1?");
        await Expect(alice.Page.Locator("#log")).ToContainTextAsync("Tordek hits Goblin 1 for 7");
        await Expect(gm.Page.Locator("#log")).ToContainTextAsync("Tordek hits Goblin 1 for 7");

        // Chat reaches the others, folds when long, and is still there after a reload and a reconnect to the host.
        await alice.Page.Locator("#chat-text").FillAsync("Well met, table!");
        await alice.Page.Locator("#chat-send").ClickAsync();
        await Expect(alice.Page.Locator("#chat-text")).ToHaveValueAsync("");
        var longMessage = string.Join(" ", Enumerable.Repeat("a very long tale of the dwarven halls", 10));
        await alice.Page.Locator("#chat-text").FillAsync(longMessage);
        await alice.Page.Locator("#chat-send").ClickAsync();
        await Expect(bob.Page.Locator("#chat")).ToContainTextAsync("Well met, table!");
        await Expect(gm.Page.Locator("#chat")).ToContainTextAsync("Well met, table!");
        await Expect(bob.Page.Locator("#chat li.folded")).ToHaveCountAsync(1);
        bobSession.Client.SimulateConnectionLoss();
        await bob.Page.ReloadAsync();
        await bob.ReadyAsync();
        await bob.WaitStateAsync("s.connection.status === 'ok'");
        await Expect(bob.Page.Locator("#chat")).ToContainTextAsync("Well met, table!");

        await AssertHiddenAsync(alice, "Goblin 2");
        foreach (var page in new[] { gm, alice, bob })
            await page.ScreenshotAsync("4-after-the-round");
    }

    [BrowserFact]
    public async Task The_game_master_places_removes_redraws_asks_a_secret_check_rolls_and_gives_with_clicks()
    {
        await using var app = await AppSessions.StartAsync();
        var (gmSession, _) = await app.LoginAsync("gm");
        var (aliceSession, aliceCommands) = await app.LoginAsync("alice");
        var (bobSession, bobCommands) = await app.LoginAsync("bob");
        await aliceCommands.Ok("play Tordek");
        await bobCommands.Ok("play Mialee");
        await using var table = await WebTable.OpenAsync(gmSession, aliceSession, bobSession);
        var (gm, alice, bob) = (table.Gm, table.Alice, table.Bob);
        foreach (var page in new[] { gm, alice, bob })
            await page.ReadyAsync();
        await alice.WaitStateAsync("s.me && s.me.name === 'Tordek'");
        await Expect(gm.Page.Locator("#scene option")).Not.ToHaveCountAsync(0);
        await Expect(gm.Page.Locator("#bestiary option[value='Goblin']")).ToHaveCountAsync(1);

        // A goblin from the bestiary on a square of the hall: Tordek's player sees it appear; an orc put behind the wall she does not.
        await gm.Page.Locator("#place-monster").FillAsync("Goblin");
        await gm.Page.Locator("#master button[data-op=place]").ClickAsync();
        await gm.ClickSquareAsync(5, 1);
        await alice.WaitStateAsync("s.tokens.some(t => t.x === 5 && t.y === 1 && t.team === 'monsters')");
        await Expect(alice.Page.Locator("#sight")).ToContainTextAsync("(5,1)");
        await gm.Page.Locator("#place-monster").FillAsync("Orc");
        await gm.Page.Locator("#place-name").FillAsync("Grukk");
        await gm.Page.Locator("#master button[data-op=place]").ClickAsync();
        await gm.ClickSquareAsync(10, 2);
        await gm.WaitStateAsync("s.tokens.some(t => t.name === 'Grukk' && t.x === 10 && t.y === 2)");
        await alice.WaitStateAsync("s.log.some(l => l.text.includes('appears at'))");
        await AssertHiddenAsync(alice, "Grukk");
        await AssertHiddenAsync(bob, "Grukk");
        foreach (var page in new[] { gm, alice })
            await page.ScreenshotAsync("gm-1-placed");

        // The master removes the orc: it disappears from his map.
        await gm.ClickSquareAsync(10, 2);
        await Expect(gm.Page.Locator("#sheet-details")).ToContainTextAsync("Grukk");
        await Expect(gm.Page.Locator("#sheet-details")).ToContainTextAsync("Orc");
        await gm.Page.Locator("#master button[data-op=remove]").ClickAsync();
        await gm.WaitStateAsync("!s.tokens.some(t => t.name === 'Grukk')");

        // A wall drawn by clicking a square of the hall: Tordek's player sees it on her map.
        await alice.Page.WaitForFunctionAsync("() => { const m = ikosa.map(); return m.squares[2 * m.width + 6] !== 'W'; }");
        await gm.Page.Locator("#terrain").SelectOptionAsync("wall");
        await gm.Page.Locator("#master button[data-op=terrain]").ClickAsync();
        await gm.ClickSquareAsync(6, 2);
        await gm.ConfirmAsync("1 square(s) to become wall");
        await alice.Page.WaitForFunctionAsync("() => { const m = ikosa.map(); return m.squares[2 * m.width + 6] === 'W'; }");

        // A secret Listen check of Tordek: only alice gets the dialog, and it does not say the difficulty.
        await gm.ClickSquareAsync(2, 2);
        await gm.Page.Locator("#check-type").SelectOptionAsync("skill");
        await gm.Page.Locator("#check-name").FillAsync("Listen");
        await gm.Page.Locator("#check-dc").FillAsync("17");
        await Expect(gm.Page.Locator("#check-secret")).ToBeCheckedAsync();
        await gm.Page.Locator("#master button[data-op=check]").ClickAsync();
        await Expect(alice.Page.Locator("#prompt")).ToBeVisibleAsync();
        await Expect(alice.Page.Locator("#prompt-text")).ToContainTextAsync("Listen");
        var asked = await alice.Page.Locator("#prompt").InnerTextAsync();
        Assert.DoesNotContain("17", asked);
        Assert.DoesNotContain("DC", asked);
        await Expect(gm.Page.Locator("#master-prompts")).ToContainTextAsync("Tordek");
        Assert.Empty(await bob.Page.EvaluateAsync<string[]>("() => ikosa.state().prompts.map(p => p.text)"));
        await Expect(bob.Page.Locator("#prompt")).ToBeHiddenAsync();
        foreach (var page in new[] { gm, alice, bob })
            await page.ScreenshotAsync("gm-2-secret-check");

        // The master answers it for her with a value of his own; the outcome is his alone.
        await gm.Page.Locator("#master-prompts li .override").FillAsync("14");
        await gm.Page.Locator("#master-prompts li .use-value").ClickAsync();
        await Expect(alice.Page.Locator("#prompt")).ToBeHiddenAsync();
        await Expect(gm.Page.Locator("#log")).ToContainTextAsync("Tordek, Listen check");
        Assert.DoesNotContain("DC", await alice.Page.Locator("#log").InnerTextAsync());

        // A roll for the masters only stays on the master's page; a new player's one-time code is shown to the master;
        // Jozan given to bob appears among the characters bob may play.
        await gm.Page.Locator("#roll-dice").FillAsync("3d4+2");
        await gm.Page.Locator("#roll-gm").CheckAsync();
        await gm.Page.Locator("#master button[data-op=roll]").ClickAsync();
        await Expect(gm.Page.Locator("#dice")).ToContainTextAsync("3d4+2");
        await gm.Page.Locator("#user-name").FillAsync("erin");
        await gm.Page.Locator("#master button[data-op=create-player]").ClickAsync();
        await Expect(gm.Page.Locator("#master-result")).ToContainTextAsync("erin is a new player: one-time code");
        Assert.False(await bob.Page.EvaluateAsync<bool>("() => ikosa.state().characters.some(c => c.name === 'Jozan')"));
        await gm.ClickSquareAsync(2, 4);
        await gm.Page.Locator("#user-name").FillAsync("bob");
        await gm.Page.Locator("#master button[data-op=give]").ClickAsync();
        await bob.WaitStateAsync("s.characters.some(c => c.name === 'Jozan')");
        await Expect(bob.Page.Locator("#characters")).ToContainTextAsync("play Jozan");
        Assert.DoesNotContain("3d4+2", await alice.Page.Locator("#dice").InnerTextAsync());

        // The sheet: alice's whole Tordek.
        await Expect(alice.Page.Locator("#sheet-details")).ToContainTextAsync("Str 15 (+2)");
        await Expect(alice.Page.Locator("#sheet-details")).ToContainTextAsync("dwarven waraxe +7 (1d10+2, 20/x3)");
        await Expect(alice.Page.Locator("#sheet-details")).ToContainTextAsync("Reflex +2");
        await Expect(bob.Page.Locator("#sheet-details")).ToContainTextAsync("fireball");
        Assert.DoesNotContain("waraxe", await bob.Page.ContentAsync());
        foreach (var page in new[] { gm, alice, bob })
            await page.ScreenshotAsync("gm-3-sheet-and-wall");
    }

    [BrowserFact]
    public async Task The_game_master_shows_another_scene_of_the_campaign_on_his_map()
    {
        await using var app = await AppSessions.StartAsync(Ikosa.Host.Campaigns.ShippedCampaigns.Starter);
        var (gmSession, _) = await app.LoginAsync("gm");
        await using var server = await WebServer.StartAsync(gmSession);
        await using var browsers = await Browsers.LaunchAsync();
        var gm = new TablePage(await browsers.OpenAsync(server.Url), "gm");
        await gm.ReadyAsync();
        await Expect(gm.Page.Locator("#scene option")).ToHaveCountAsync(2);
        await gm.Page.WaitForFunctionAsync("() => ikosa.map().width === 14 && ikosa.map().height === 7"); // the Taproom
        await gm.WaitStateAsync("s.tokens.some(t => t.name === 'Big Rat')");

        var road = (await gmSession.Client.Master!.GetScenesAsync()).Single(s => s.Name == "Road");
        await gm.Page.Locator("#scene").SelectOptionAsync(road.Id.ToString());
        await gm.Page.WaitForFunctionAsync("() => ikosa.map().width === 20 && ikosa.map().height === 10");
        await gm.WaitStateAsync("s.tokens.some(t => t.name.startsWith('Wolf')) && !s.tokens.some(t => t.name === 'Big Rat')");
        await gm.ScreenshotAsync("scene-road");

        await gm.Page.Locator("#scene").SelectOptionAsync("");
        await gm.Page.WaitForFunctionAsync("() => ikosa.map().width === 14 && ikosa.map().height === 7");
        await gm.WaitStateAsync("s.tokens.some(t => t.name === 'Big Rat') && !s.tokens.some(t => t.name.startsWith('Wolf'))");
    }

    /// <summary>The creature is nowhere on the page: not in its state, not drawn on the map, not in the list of what is in sight.</summary>
    private static async Task AssertHiddenAsync(TablePage page, string name)
    {
        Assert.DoesNotContain(name, await page.TokensInStateAsync());
        Assert.DoesNotContain(name, await page.DrawnTokensAsync());
        Assert.DoesNotContain(name, await page.Page.Locator("#sight").InnerTextAsync());
        Assert.DoesNotContain(name, await page.Page.ContentAsync());
    }

    private static async Task<(int X, int Y)> PositionAsync(GameSession session, Guid creature)
    {
        var info = await session.Client.Game.GetCreatureAsync(creature);
        return (info.X, info.Y);
    }
}
