using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Ikosa.Engine;
using Ikosa.Host.Game;
using Ikosa.Host.Security;
using Ikosa.Host.Startup;
using Ikosa.Host.Users;
using Ikosa.Tests.Engine;

namespace Ikosa.Tests.EndToEnd;

/// <summary>Starting the real host executable as a game master does: where the game lives, what is printed, and failures.</summary>
public partial class HostStartupTests
{
    [Fact]
    public async Task Fault_13_3_5_a_busy_port_is_one_clear_line_before_any_game_is_created()
    {
        using var folder = new TempDirectory();
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var gameFile = folder.File("game.db");

        var (exitCode, output, error) = await HostProcess.RunToExitAsync(["--data", gameFile, "--port", port.ToString()]);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(Lines(error));
        Assert.Contains($"localhost:{port}", line);
        Assert.Contains("--port", line);
        Assert.DoesNotContain("   at ", output + error);
        Assert.DoesNotContain("http://", output + error);
        Assert.DoesNotContain("First passwords", output);
        Assert.False(File.Exists(gameFile), "a failed start must not create the game");
    }

    [Fact]
    public async Task Fault_13_3_6_the_game_lives_in_the_data_folder_printed_at_start_whatever_the_build()
    {
        using var folder = new TempDirectory();
        var (exitCode, output, error) = await HostProcess.RunToExitAsync(["--no-serve"],
            environment: new Dictionary<string, string> { [DataFolder.EnvironmentVariable] = folder.Path });

        Assert.True(exitCode == 0, error);
        var expected = Path.Combine(folder.Path, DataFolder.DefaultGameFileName);
        Assert.Contains($"Game file: {expected}", Lines(output));
        Assert.True(File.Exists(expected));
    }

    [Fact]
    public async Task Fault_13_3_6_a_relative_data_path_starts_at_the_current_directory()
    {
        using var folder = new TempDirectory();
        var (exitCode, output, error) = await HostProcess.RunToExitAsync(["--data", "campaign.db", "--no-serve"], workingDirectory: folder.Path);

        Assert.True(exitCode == 0, error);
        Assert.Contains($"Game file: {folder.File("campaign.db")}", Lines(output));
        Assert.True(File.Exists(folder.File("campaign.db")));
    }

    [Fact]
    public void Fault_13_3_6_a_campaign_is_found_by_the_name_the_master_saved_it_under()
    {
        using var folder = new TempDirectory();
        var data = new DataFolder(folder.Path);
        Directory.CreateDirectory(data.Snapshots);
        var saved = Path.Combine(data.Snapshots, "before-the-dragon.json");
        File.WriteAllText(saved, "{}");

        Assert.Equal(saved, data.ResolveCampaign("before-the-dragon"));
        Assert.Equal(saved, data.ResolveCampaign("before-the-dragon.json"));
        Assert.Equal(Path.GetFullPath("no-such-campaign"), data.ResolveCampaign("no-such-campaign"));
    }

    [Fact]
    public async Task Fault_13_3_7_a_new_game_prints_only_first_passwords_that_work()
    {
        using var folder = new TempDirectory();
        var gameFile = folder.File("game.db");
        var (exitCode, output, error) = await HostProcess.RunToExitAsync(["--data", gameFile, "--set-password", "alice=wonderland", "--set-password", "zed=newcomer", "--no-serve"]);

        Assert.True(exitCode == 0, error);
        var printed = FirstPasswords().Matches(output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(["bob", "carol", "dave", "gm"], printed.Keys.Order());
        var (game, _) = GameHost.Open(new GameHostOptions { Engine = new EngineOptions { DatabasePath = gameFile } });
        await using (game)
        {
            var accounts = game.Engine.Gate.Read(tx => tx.All<UserAccount>().ToDictionary(a => a.Name, a => a.PasswordHash));
            foreach (var (user, password) in printed)
                Assert.True(PasswordHasher.Verify(password, accounts[user]), $"the printed password of {user} does not work");
            Assert.True(PasswordHasher.Verify("wonderland", accounts["alice"]));
            Assert.True(PasswordHasher.Verify("newcomer", accounts["zed"]));
        }
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    [GeneratedRegex(@"^  (\w+)\s+(\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex FirstPasswords();
}
