using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Tests.EndToEnd;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ClientApp;

/// <summary>
/// The real terminal app in a real terminal: tmux runs the built client against an in-process host; the test types as
/// alice would (password, character, answer a prompt, move, end the turn) and reads the screen.
/// </summary>
public class TerminalAppInTmuxTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;

    [TmuxFact]
    public async Task A_player_logs_in_answers_initiative_with_Enter_moves_and_ends_the_turn()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var goblin = game.Game.Engine.Gate.Read(tx => tx.All<Creature>().First(c => c.Name == "Goblin 1").Id.Value);

        using var tmux = Tmux.Start($"{Quote(DotnetHost())} {Quote(ClientDll())} --host {game.BaseAddress} --user alice", width: 160, height: 50);

        await tmux.WaitForAsync("Password for alice (or the one-time code your game master gave you):");
        tmux.Type(LoopbackGame.PasswordOf("alice"));
        await tmux.WaitForAsync("Which characters will you play?");
        tmux.Type("", enter: true); // Tordek, her only free character, comes preselected
        var screen = await WholeScreenWithAsync(tmux, "@ Tordek at (2,2): 45/45 hp", 50);
        Assert.Contains("alice plays: Tordek", screen);
        Assert.DoesNotContain("Goblin", screen); // behind a closed door: not on her screen

        // The master starts combat; alice's screen shows her prompt, and Enter answers it (the host rolls).
        game.Dice.Enqueue(1);
        Assert.True((await gm.Client.Master!.StartCombatAsync([Tordek, goblin])).Accepted);
        await tmux.WaitForAsync("Tordek: roll initiative [roll 1d20+1]");
        game.Dice.Enqueue(20);
        tmux.Type("");
        screen = await tmux.WaitForAsync("Initiative: round 1");
        Assert.Contains("> ", screen);
        Assert.Equal(Tordek, (await gm.Client.Game.GetTurnTrackerAsync()).Current);
        await tmux.WaitForAsync("Tordek, initiative: 1d20+1 = 21");

        // She acts: a move two squares away (the app plans the path), then ends her turn.
        tmux.Type("move 3 4");
        await tmux.WaitForAsync("@ Tordek at (3,4)");
        var tordek = await gm.Client.Game.GetCreatureAsync(Tordek);
        Assert.Equal((3, 4), (tordek.X, tordek.Y));
        tmux.Type("end");
        await tmux.WaitForAsync("Tordek ends the turn");
        Assert.Equal(goblin, (await gm.Client.Game.GetTurnTrackerAsync()).Current);

        tmux.Type("quit");
        await gm.WaitForAsync(b => b.Items.OfType<PresenceChangedInfo>().Any(p => p.User == "alice" && !p.Online));
    }

    [TmuxFact]
    public async Task On_80x24_the_game_fits_help_pages_long_chat_stays_in_its_panel_and_out_of_turn_is_said()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var goblin = game.Game.Engine.Gate.Read(tx => tx.All<Creature>().First(c => c.Name == "Goblin 1").Id.Value);

        using var tmux = Tmux.Start($"{Quote(DotnetHost())} {Quote(ClientDll())} --host {game.BaseAddress} --user alice --character Tordek --password {LoopbackGame.PasswordOf("alice")}", width: 80, height: 24);

        var screen = await WholeScreenWithAsync(tmux, "@ Tordek at (2,2): 45/45", 24);
        Assert.Contains("0 1 2 3 4 5 6 7 8 9 0 1", screen); // the x ruler; y labels start the map's rows
        Assert.Contains(Lines(screen), l => l.StartsWith("│  2 # . @ ", StringComparison.Ordinal));

        // help: its own view, page by page, then back to the game.
        tmux.Type("help");
        screen = await tmux.WaitForAsync("page 1/");
        Assert.Contains("play NAME[, NAME]", screen);
        tmux.Type(" ", enter: false);
        screen = await tmux.WaitForAsync("quit ");
        Assert.Contains("page 2/", screen);
        tmux.Type("q", enter: false);
        await WholeScreenWithAsync(tmux, "@ Tordek at (2,2)", 24);

        // A very long chat line is folded and cut in its panel: the map and the command line stay on screen.
        await gm.Client.Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.Everyone, Text = string.Join(' ', Enumerable.Range(0, 250).Select(i => $"word{i}")) });
        screen = await WholeScreenWithAsync(tmux, "gm: word0 word1", 24);
        Assert.DoesNotContain("word249", screen);

        // The goblin wins initiative: Tordek's move is refused as out of turn, not as an unknown command.
        game.Dice.Enqueue(20);
        Assert.True((await gm.Client.Master!.StartCombatAsync([Tordek, goblin])).Accepted);
        await tmux.WaitForAsync("roll initiative");
        game.Dice.Enqueue(1);
        tmux.Type("");
        await tmux.WaitForAsync("Initiative: round 1");
        tmux.Type("move 3 4");
        screen = await WholeScreenWithAsync(tmux, "it is not Tordek's turn", 24);
        Assert.DoesNotContain("unknown command", screen);

        tmux.Type("quit");
        await gm.WaitForAsync(b => b.Items.OfType<PresenceChangedInfo>().Any(p => p.User == "alice" && !p.Online));
    }

    [TmuxFact]
    public async Task When_the_host_is_killed_the_app_says_the_connection_was_lost_and_clears_that_once_back()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ikosa-tmux-restart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var gameFile = Path.Combine(folder, "game.ikosa");
            var passwords = new Dictionary<string, string> { ["gm"] = "gm-restart", ["alice"] = "alice-restart" };
            var port = HostProcess.FreePort();
            var host = await HostProcess.StartAsync(gameFile, port, passwords);
            using var tmux = Tmux.Start($"{Quote(DotnetHost())} {Quote(ClientDll())} --host {host.BaseAddress} --user alice --character Tordek --password {passwords["alice"]}", width: 120, height: 40);
            await WholeScreenWithAsync(tmux, "@ Tordek at (2,2)", 40);

            using (host)
                await host.KillAsync();
            // The screen's refresh fails while the host is gone: the status line says so in a player's words.
            var screen = await tmux.WaitForAsync("! the connection to the host was lost");
            Assert.DoesNotContain("faulted", screen);

            using var restarted = await HostProcess.StartAsync(gameFile, port, passwords);
            await tmux.WaitForAsync(s => s.Contains("reconnected: back in the game", StringComparison.Ordinal)
                && !s.Contains("! the connection to the host was lost", StringComparison.Ordinal)
                && s.Contains("@ Tordek at (2,2)", StringComparison.Ordinal), "the app back in the game, the lost-connection line gone");
            tmux.Type("move 3 4");
            await tmux.WaitForAsync("@ Tordek at (3,4)");
            tmux.Type("quit");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// A finished redraw showing <paramref name="text"/> where nothing scrolled off: the map's top border is the first line
    /// and the command line the last. (A capture taken mid-redraw shows only the top part, so the wait is for all three.)
    /// </summary>
    private static Task<string> WholeScreenWithAsync(Tmux tmux, string text, int height) =>
        tmux.WaitForAsync(screen =>
        {
            var lines = Lines(screen);
            return screen.Contains(text, StringComparison.Ordinal) && lines.Length >= height
                && lines[0].Contains("Map: what Tordek sees", StringComparison.Ordinal) && lines[height - 1].StartsWith('>');
        }, $"'{text}' on a whole screen (map header first, command line last)");

    private static string[] Lines(string screen) => screen.Split('\n');

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''") + "'";

    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    /// <summary>
    /// The client app in its own build output, run as a player runs it: on the base runtime, with its own dependencies (the
    /// tests' folder has the ASP.NET Core framework's in their place).
    /// </summary>
    private static string ClientDll()
    {
        var dll = BuildOutputs.ClientDll;
        Assert.True(File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), $"the client app is not built at {dll}");
        return dll;
    }
}
