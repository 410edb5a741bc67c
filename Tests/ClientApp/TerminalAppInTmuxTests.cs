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
        var screen = await tmux.WaitForAsync("@ Tordek at (2,2): 45/45 hp");
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
