using Ikosa.Client.App;
using Ikosa.Tests.EndToEnd;

namespace Ikosa.Tests.ClientApp;

/// <summary>The app's entry point with --script: commands without a terminal, results printed, exit code on failure.</summary>
public class ScriptedModeTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(LoopbackGame game, string user, string password, string script, params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args = ["--host", game.BaseAddress.ToString(), "--user", user, "--password", password, "--script", "-", .. extra];
        var code = await ClientProgram.RunAsync(args, new StringReader(script), output, error).WaitAsync(TimeSpan.FromSeconds(60));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_script_logs_in_plays_and_prints_each_command_with_its_result()
    {
        await using var game = await LoopbackGame.StartAsync();
        var (code, output, error) = await RunAsync(game, "alice", LoopbackGame.PasswordOf("alice"), """
            # alice takes Tordek and looks around
            play Tordek
            chars

            map
            -start-combat Tordek
            say ready when you are
            quit
            turns
            """);

        Assert.True(code == 0, output + error);
        Assert.Contains("logged in as alice", output);
        Assert.Contains("> play Tordek\n  you play: Tordek", output.ReplaceLineEndings("\n"));
        Assert.Contains("  Tordek: played by alice (active)", output);
        Assert.Contains("   @ Tordek (2,2) 45/45 hp, Conscious", output);
        Assert.Contains("  ! 'start-combat' is for the game master", output); // '-' lets a line fail
        Assert.DoesNotContain("> turns", output); // quit ends the script
        Assert.DoesNotContain("# alice", output);
    }

    [Fact]
    public async Task A_failing_command_stops_the_script_with_exit_code_1()
    {
        await using var game = await LoopbackGame.StartAsync();
        var (code, output, _) = await RunAsync(game, "alice", LoopbackGame.PasswordOf("alice"), "chars\nplay Mialee\nchars\n");
        Assert.Equal(ClientProgram.ScriptFailed, code);
        Assert.Contains("script stopped: line 2 failed", output);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, "> chars")); // nothing ran after the failure
    }

    [Fact]
    public async Task Master_script_starts_combat_and_a_character_option_plays_before_the_script()
    {
        await using var game = await LoopbackGame.StartAsync();
        var (code, output, _) = await RunAsync(game, "gm", LoopbackGame.MasterPassword, "start-combat Tordek, Goblin 1\nanswer-all\nturns\n");
        Assert.True(code == 0, output);
        Assert.Contains("  round 1", output);

        var (bobCode, bobOutput, _) = await RunAsync(game, "bob", LoopbackGame.PasswordOf("bob"), "chars\n", "--character", "Mialee");
        Assert.True(bobCode == 0, bobOutput);
        Assert.Contains("Mialee: played by bob (active)", bobOutput);
    }

    [Fact]
    public async Task A_wrong_password_or_missing_arguments_exit_with_code_2_and_a_reason()
    {
        await using var game = await LoopbackGame.StartAsync();
        var (code, _, error) = await RunAsync(game, "alice", "not-her-password", "chars\n");
        Assert.Equal(ClientProgram.BadArguments, code);
        Assert.Contains("login refused: wrong user name or password", error);

        var missing = new StringWriter();
        Assert.Equal(ClientProgram.BadArguments, await ClientProgram.RunAsync(["--host", game.BaseAddress.ToString(), "--user", "alice", "--script", "-"], new StringReader(""), new StringWriter(), missing));
        Assert.Contains("--password", missing.ToString());

        var badHost = new StringWriter();
        Assert.Equal(ClientProgram.BadArguments, await ClientProgram.RunAsync(["--host", "http://example.org/", "--script", "-"], new StringReader(""), new StringWriter(), badHost));
        Assert.Contains("net.tcp://", badHost.ToString());
    }

    [Fact]
    public async Task A_script_file_is_read_and_an_unreachable_host_exits_with_code_3()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ikosa-script-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "who\n");
        try
        {
            await using (var game = await LoopbackGame.StartAsync())
            {
                var output = new StringWriter();
                var code = await ClientProgram.RunAsync(["--host", game.BaseAddress.ToString(), "--user", "carol", "--password", LoopbackGame.PasswordOf("carol"), "--script", file], null, output, new StringWriter());
                Assert.True(code == 0, output.ToString());
                Assert.Contains("  carol: online", output.ToString());
            }

            var port = FreePort();
            var error = new StringWriter();
            var unreachable = await ClientProgram.RunAsync(["--host", $"net.tcp://127.0.0.1:{port}/ikosa/", "--user", "carol", "--password", "x", "--script", file], null, new StringWriter(), error)
                .WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(ClientProgram.Unreachable, unreachable);
            Assert.Contains("cannot reach", error.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A loopback port nobody listens on (taken and released at once).</summary>
    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
