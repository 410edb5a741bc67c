using System.Text.RegularExpressions;
using Ikosa.Contracts;
using Ikosa.Engine;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow;
using Ikosa.Host.Campaigns;
using Ikosa.Host.Game;
using Ikosa.Host.Security;
using Ikosa.Tests.Engine;
using Creature = Ikosa.Engine.Rules.Creatures.Creature;

namespace Ikosa.Tests.EndToEnd;

/// <summary>Campaign folders as a game master uses them: started, played over the wire, exported, edited, checked and started again.</summary>
public partial class CampaignFolderTests
{
    private static readonly EntityId Valeros = CampaignIds.Creature("crossroads", "Valeros");

    /// <summary>A copy of the starter campaign ('new-campaign' writes the same files).</summary>
    private static string CopyStarter(TempDirectory folder, string name = "campaign")
    {
        var target = Path.Combine(folder.Path, name);
        Assert.Equal(0, CampaignCommands.NewCampaign(target, TextWriter.Null, TextWriter.Null));
        return target;
    }

    [Fact]
    public async Task A_campaign_folder_starts_and_a_player_logs_in_and_moves_over_the_wire()
    {
        using var folder = new TempDirectory();
        await using var game = await LoopbackGame.StartAsync(campaign: CopyStarter(folder));
        var alice = await game.LoginAsync("alice", Valeros.Value);

        Assert.Equal(["Valeros"], (await alice.Client.Login.GetCharactersAsync()).Select(c => c.Name));
        var moved = await alice.Client.Game.DoActionAsync(new ActivityInfo
        {
            Creature = Valeros.Value, ActionKey = "move", Targets = [new TargetInfo { Key = "path", Cells = [new PointInfo { X = 1, Y = 2 }] }],
        });
        Assert.True(moved.Accepted, moved.Error);
        var valeros = await alice.Client.Game.GetCreatureAsync(Valeros.Value);
        Assert.Equal((1, 2), (valeros.X, valeros.Y));
        var view = await alice.Client.Visualization.GetViewAsync(Valeros.Value);
        Assert.Equal((14, 7), (view.Width, view.Height));
        Assert.Contains(view.Visible, c => c is { X: 3, Y: 2, Terrain: "difficult" });
        Assert.DoesNotContain(view.Creatures, c => c.Name == "Wolf 1"); // the wolf is in the other scene
    }

    [Fact]
    public async Task A_game_exported_edited_checked_and_started_again_keeps_its_state_and_the_edit()
    {
        using var folder = new TempDirectory();
        PasswordHasher.Iterations = 1_000;
        var firstGame = folder.File("first.db");
        var (first, _) = GameHost.Open(new GameHostOptions { Engine = new EngineOptions { DatabasePath = firstGame }, CampaignFile = CopyStarter(folder) });
        await using (first)
        {
            var moved = first.Engine.Gate.Write(tx => first.Rules.DoAction(tx, Actor.Master("gm"), new CoreActivity(Valeros, "move", AimTarget.AlongPath("path", new Cell(1, 2)))));
            Assert.True(moved.Ok, moved.Error);
            first.Engine.Gate.Write(tx =>
            {
                var goblin = tx.All<Creature>().Single(c => c.Name == "Goblin 2");
                tx.Put(goblin with { HitPoints = 2, Conditions = ["prone"] });
            });
        }

        var exported = Path.Combine(folder.Path, "exported");
        Assert.Equal(0, CampaignCommands.Export(exported, firstGame, null, TextWriter.Null, TextWriter.Null));
        var manifest = Path.Combine(exported, CampaignReader.ManifestName);
        var text = File.ReadAllText(manifest);
        Assert.Contains("{monster: Goblin, name: Goblin 2, at: [11, 5], hit-points: 2, conditions: [prone]}", text);
        File.WriteAllText(manifest, text
            .Replace("{character: Valeros, at: [1, 2]}", "{character: Valeros, at: [1, 2]}\n  - {monster: Orc, name: Newcomer, at: [12, 1]}")
            .Replace("bob: player", "bob: player\n  carol: player"));
        Assert.Equal(0, CampaignCommands.Check(exported, TextWriter.Null));

        var (second, passwords) = GameHost.Open(new GameHostOptions { Engine = new EngineOptions { DatabasePath = folder.File("second.db") }, CampaignFile = exported });
        await using (second)
        {
            Assert.Equal(["alice", "bob", "carol", "gm"], passwords.Keys.Order());
            second.Engine.Gate.Read(tx =>
            {
                var creatures = tx.All<Creature>().ToDictionary(c => c.Name);
                Assert.Equal(new Cell(1, 2), creatures["Valeros"].Position);
                Assert.Equal(Valeros, creatures["Valeros"].Id);
                Assert.Equal((2, "prone"), (creatures["Goblin 2"].HitPoints, creatures["Goblin 2"].Conditions.Single()));
                Assert.Equal(("Orc", new Cell(12, 1)), (creatures["Newcomer"].Kind, creatures["Newcomer"].Position));
                Assert.Equal(("Cellar Rat", 3), (creatures["Big Rat"].Kind, creatures["Big Rat"].HitPoints));
                Assert.Equal("Road", tx.Get<Scene>(creatures["Wolf 1"].Scene).Name);
                Assert.Equal(Terrain.ClosedDoor, SceneMap.Of(tx, creatures["Valeros"].Scene).TerrainAt(new Cell(9, 4)));
                Assert.Equal(creatures.Values.Select(c => c.Id).ToHashSet(),
                    tx.All<Scene>().SelectMany(s => Placement.InScene(tx, s.Id)).Select(c => c.Id).ToHashSet());
                return 0;
            });
        }
    }

    [Fact]
    public async Task The_campaigns_own_bestiary_is_kept_in_its_game_through_a_restart_without_the_folder_and_an_export()
    {
        using var folder = new TempDirectory();
        PasswordHasher.Iterations = 1_000;
        var campaign = CopyStarter(folder);
        var gameFile = folder.File("game.db");
        var (first, _) = GameHost.Open(new GameHostOptions { Engine = new EngineOptions { DatabasePath = gameFile }, CampaignFile = campaign });
        await using (first)
            Assert.NotNull(first.Bestiary.Find("Cellar Rat"));
        Directory.Delete(campaign, recursive: true); // the GM's folder is gone (or elsewhere): the game alone is restarted

        var (again, _) = GameHost.Open(new GameHostOptions { Engine = new EngineOptions { DatabasePath = gameFile } });
        await using (again)
        {
            var rat = again.Bestiary.Find("Cellar Rat");
            Assert.NotNull(rat);
            Assert.Equal(4, rat.Template.MaxHitPoints);
            Assert.NotNull(again.Bestiary.Find("Goblin")); // the SRD's too
        }

        var exported = Path.Combine(folder.Path, "exported");
        Assert.Equal(0, CampaignCommands.Export(exported, gameFile, null, TextWriter.Null, TextWriter.Null));
        Assert.Contains("Cellar Rat", File.ReadAllText(Path.Combine(exported, CampaignReader.BestiaryName)));
        Assert.Equal(0, CampaignCommands.Check(exported, TextWriter.Null));
    }

    [Fact]
    public async Task A_game_file_a_host_holds_is_not_exported_but_a_snapshot_of_it_is()
    {
        using var folder = new TempDirectory();
        PasswordHasher.Iterations = 1_000;
        var gameFile = folder.File("held.db");
        var (game, _) = GameHost.Open(new GameHostOptions { Engine = new EngineOptions { DatabasePath = gameFile }, CampaignFile = CopyStarter(folder) });
        await using (game)
        {
            var error = new StringWriter();
            Assert.Equal(3, CampaignCommands.Export(folder.File("from-file"), gameFile, null, TextWriter.Null, error));
            Assert.Contains("--snapshot", error.ToString());
            Assert.False(Directory.Exists(folder.File("from-file")));

            // A snapshot as the master's 'snapshot NAME' writes it: every committed entity under its type name.
            var types = game.Engine.Gate.Types;
            var entities = game.Engine.Gate.Read(tx => tx.All<Entity>().Select(e => new { type = types.NameOf(e.GetType()), entity = types.Serialize(e) }).ToList());
            File.WriteAllText(folder.File("saved.json"), System.Text.Json.JsonSerializer.Serialize(new { serial = game.Serial, entities }));
        }

        Assert.Equal(0, CampaignCommands.Export(folder.File("from-snapshot"), gameFile, folder.File("saved.json"), TextWriter.Null, TextWriter.Null));
        var loaded = CampaignReader.Load(folder.File("from-snapshot"));
        Assert.Equal(["Big Rat", "Ezren", "Goblin 1", "Goblin 2", "Valeros", "Wolf 1"], loaded.Creatures.Select(c => c.Name).Order());
        Assert.Equal(["Taproom", "Road"], loaded.Maps.Select(m => m.Name));
    }

    [Fact]
    public async Task New_campaign_and_check_work_through_the_host_executable()
    {
        using var folder = new TempDirectory();
        var campaign = Path.Combine(folder.Path, "mine");

        var (created, output, error) = await HostProcess.RunToExitAsync(["new-campaign", campaign]);
        Assert.True(created == 0, error);
        Assert.Contains($"Wrote {Path.Combine(campaign, "campaign.yaml")}", output);

        var (ok, checkedOutput, checkError) = await HostProcess.RunToExitAsync(["check", campaign]);
        Assert.True(ok == 0, checkedOutput + checkError);
        Assert.Contains("is ready", checkedOutput);

        var (again, _, refused) = await HostProcess.RunToExitAsync(["new-campaign", campaign]);
        Assert.NotEqual(0, again);
        Assert.Contains("not an empty folder", refused);

        var manifest = Path.Combine(campaign, "campaign.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("monster: Goblin, at: [10, 4]", "monster: goblin, at: [10, 4]").Replace("hit-points: 28", "hit-points: lots"));
        var (failed, errors, _) = await HostProcess.RunToExitAsync(["check", campaign]);
        Assert.Equal(1, failed);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Count(l => ErrorLine().IsMatch(l)));
        Assert.Contains(lines, l => l.StartsWith(manifest + ":", StringComparison.Ordinal) && l.EndsWith("`goblin` is not in the bestiary; did you mean `Goblin`?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("`hit-points` of a character must be a whole number, not `lots`"));
    }

    [Fact]
    public async Task A_campaign_with_an_error_does_not_start_and_no_game_file_is_created()
    {
        using var folder = new TempDirectory();
        var campaign = CopyStarter(folder);
        var manifest = Path.Combine(campaign, "campaign.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("rules: [d20-srd]", "rules: [d20-srd, pathfinder]"));
        var gameFile = folder.File("game.db");
        var rulesLine = Array.FindIndex(File.ReadAllLines(manifest), l => l.StartsWith("rules:", StringComparison.Ordinal)) + 1;

        var (exitCode, output, error) = await HostProcess.RunToExitAsync(["--campaign", campaign, "--data", gameFile, "--no-serve"]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(error.Split('\n'), l => l.StartsWith($"{manifest}:{rulesLine}:18: ", StringComparison.Ordinal) && l.Contains("rule package `pathfinder` is not loaded (loaded: d20-srd)"));
        Assert.DoesNotContain("   at ", output + error);
        Assert.DoesNotContain("First passwords", output);
        Assert.False(File.Exists(gameFile), "a campaign with errors must not create the game");

        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("rules: [d20-srd, pathfinder]", "rules: [d20-srd]"));
        var (started, startOutput, startError) = await HostProcess.RunToExitAsync(["--campaign", campaign, "--data", gameFile, "--no-serve"]);
        Assert.True(started == 0, $"exit code {started}\n{startError}\n{startOutput}");
        Assert.Matches(@"(?m)^  alice\s+\S+", startOutput);
        Assert.True(File.Exists(gameFile));
    }

    [GeneratedRegex(@"^.+:\d+:\d+: .+$")]
    private static partial Regex ErrorLine();
}
