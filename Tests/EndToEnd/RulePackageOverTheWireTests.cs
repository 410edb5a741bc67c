using System.Security.Cryptography;
using Ikosa.Contracts;
using Ikosa.Engine;
using Ikosa.Engine.Store;
using Ikosa.Host.Campaigns;
using Ikosa.Host.Game;
using Ikosa.Host.Packages;
using Ikosa.Rules.Shove;
using Ikosa.Tests.Engine;
using Ikosa.Tests.Host;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// Rule packages played over real loopback sockets: the sample shove package loaded from its DLL as the host loads it,
/// its own notification reaching exactly the right users typed (or as an unknown kind to a client without its contract),
/// a rule's failure reaching the masters, and a saved game that needs a package the host did not load refused untouched.
/// </summary>
public class RulePackageOverTheWireTests
{
    private static readonly Guid Tordek = Sample.Tordek.Value;
    private static readonly Guid Mialee = Sample.Mialee.Value;
    private static readonly Guid Jozan = Sample.Jozan.Value;

    private static Ikosa.Engine.Packages.RuleSet WithShove() => HostRules.Create(RulePackageLoader.Load([RulePackageTests.ShoveDll]).Select(l => l.Package));

    [Fact]
    public async Task A_shove_moves_a_creature_and_its_notification_reaches_both_players_and_the_master_typed_or_unknown()
    {
        await using var game = await LoopbackGame.StartAsync(rules: WithShove());
        var gm = await game.LoginAsync("gm"); // built without the package: its notification is an unknown kind to him
        var alice = await game.LoginAsync("alice", [typeof(ShovedInfo)], Tordek);
        var bob = await game.LoginAsync("bob", [typeof(ShovedInfo)], Mialee);
        var carol = await game.LoginAsync("carol", [typeof(ShovedInfo)], Jozan);
        await ShoveMialeeAsync(game, gm, alice, bob);

        Assert.Equal((4, 2), ((await bob.Client.Game.GetCreatureAsync(Mialee)).X, (await bob.Client.Game.GetCreatureAsync(Mialee)).Y));
        var marker = "after the shove";
        await gm.SayAsync(marker);
        foreach (var client in new[] { gm, alice, bob, carol })
            await client.WaitForChatAsync(marker);

        foreach (var player in new[] { alice, bob })
        {
            var shoved = Assert.Single(player.Notifications.OfType<ShovedInfo>());
            Assert.Equal(("Shoved", Tordek, Mialee, true, 4, 2), (shoved.Kind, shoved.Shover, shoved.Target, shoved.Moved, shoved.At.X, shoved.At.Y));
            Assert.Equal([Tordek, Mialee], shoved.Entities);
        }
        var unknown = Assert.Single(gm.Notifications.OfType<UnknownNotificationInfo>());
        Assert.Equal(("Shoved", "unknown notification of kind Shoved"), (unknown.Kind, unknown.ToString()));
        Assert.Equal([Tordek, Mialee], unknown.Entities);
        Assert.Contains(gm.Notifications.OfType<CreatureMovedInfo>(), m => m.Creature == Mialee); // the rest of his batch came through
        Assert.DoesNotContain(carol.Notifications, n => n is ShovedInfo or UnknownNotificationInfo); // Jozan was not in it
        Assert.Contains(carol.Notifications.OfType<CreatureMovedInfo>(), m => m.Creature == Mialee);  // but he saw Mialee move
    }

    [Fact]
    public async Task A_step_that_fails_is_undone_and_StepFailed_reaches_the_masters_only()
    {
        await using var game = await LoopbackGame.StartAsync(rules: HostRules.Create([new FumblePackage()]));
        var gm = await game.LoginAsync("gm");
        var alice = await game.LoginAsync("alice", Tordek);
        var bob = await game.LoginAsync("bob", Mialee);

        Assert.True((await alice.Client.Game.DoActionAsync(new ActivityInfo { Creature = Tordek, ActionKey = "fumble" })).Accepted);
        await gm.SayAsync("after the fumble");
        foreach (var client in new[] { gm, alice, bob })
            await client.WaitForChatAsync("after the fumble");

        var failed = Assert.Single(gm.Notifications.OfType<StepFailedInfo>());
        Assert.Equal(("StepFailed", "fumble", "the fumble table is missing"), (failed.Kind, failed.StepName, failed.Error));
        Assert.Equal([failed.Step, failed.Process], failed.Entities);
        Assert.Empty(alice.Notifications.OfType<StepFailedInfo>());
        Assert.Empty(bob.Notifications.OfType<StepFailedInfo>());
        var ended = Assert.Single(alice.Notifications.OfType<ProcessEndedInfo>(), p => p.Process == failed.Process);
        Assert.False(ended.Completed); // what alice learns: her action ended, with the reason
        Assert.Contains("the fumble table is missing", ended.Reason);
    }

    [Fact]
    public async Task A_saved_game_holding_a_package_s_entities_is_refused_without_it_naming_the_package_and_left_untouched()
    {
        using var folder = new TempDirectory();
        var file = folder.File("game.ikosa");
        await using (var game = await LoopbackGame.StartAsync(databasePath: file, rules: WithShove()))
        {
            var gm = await game.LoginAsync("gm");
            var alice = await game.LoginAsync("alice", Tordek);
            var bob = await game.LoginAsync("bob", Mialee);
            await ShoveMialeeAsync(game, gm, alice, bob, resist: false); // the shove waits for bob: its step is saved
        }
        var before = Fingerprint(file);

        var refused = Assert.Throws<StoreRefusedException>(() => GameHost.Open(new GameHostOptions { Engine = new EngineOptions { DatabasePath = file } }));

        Assert.Contains("holds entities of rule package 'shove' (type 'shove.step'), which is not loaded (loaded: d20-srd)", refused.Message);
        Assert.Contains("--rules", refused.Message);
        Assert.Equal(before, Fingerprint(file));
        var (reopened, _) = GameHost.Open(new GameHostOptions { Engine = new EngineOptions { DatabasePath = file }, Rules = WithShove() });
        await reopened.DisposeAsync(); // with the package, it opens
    }

    [Fact]
    public async Task A_campaign_lists_its_packages_and_a_game_started_from_it_needs_them()
    {
        using var folder = new TempDirectory();
        var campaign = Directory.CreateDirectory(folder.File("campaign")).FullName;
        var manifest = File.ReadAllText(Path.Combine(ShippedCampaigns.Sample, CampaignReader.ManifestName)).Replace("rules: [d20-srd]", "rules: [d20-srd, shove]");
        File.WriteAllText(Path.Combine(campaign, CampaignReader.ManifestName), manifest);
        var line = manifest.Split('\n').ToList().FindIndex(l => l.StartsWith("rules:", StringComparison.Ordinal)) + 1;

        var error = Assert.Single(CampaignReader.Check(campaign).Errors);
        Assert.StartsWith($"{Path.Combine(campaign, CampaignReader.ManifestName)}:{line}:18: rule package `shove` is not loaded", error.ToString());
        Assert.Contains("--rules", error.Message);
        Assert.Empty(CampaignReader.Check(campaign, WithShove().Names).Errors);

        var file = folder.File("game.ikosa");
        var (started, _) = GameHost.Open(new GameHostOptions { Engine = new EngineOptions { DatabasePath = file }, CampaignFile = campaign, Rules = WithShove() });
        await started.DisposeAsync();
        var before = Fingerprint(file);
        var refused = Assert.Throws<StoreRefusedException>(() => GameHost.Open(new GameHostOptions { Engine = new EngineOptions { DatabasePath = file } }));
        Assert.Contains("was started from a campaign that uses rule package 'shove', which is not loaded", refused.Message);
        Assert.Equal(before, Fingerprint(file));
    }

    /// <summary>
    /// Mialee stands east of Tordek; combat, Tordek first; alice shoves her (the host rolls Tordek's 17) and, when
    /// <paramref name="resist"/>, bob rolls her resistance (9): she is pushed to (4,2).
    /// </summary>
    private static async Task ShoveMialeeAsync(LoopbackGame game, RecordingClient gm, RecordingClient alice, RecordingClient bob, bool resist = true)
    {
        var mialee = await gm.Client.Game.GetCreatureAsync(Mialee);
        await gm.Client.Master!.EditCreatureAsync(new CreatureEditInfo { Id = Mialee, ExpectedVersion = mialee.Version, X = 3, Y = 2 });
        Assert.True((await gm.Client.Master!.StartCombatAsync([Tordek, Mialee])).Accepted);
        await AnswerAsync(game, alice, Tordek, 19);
        await AnswerAsync(game, bob, Mialee, 1);
        game.Dice.Enqueue(15);
        var shove = await alice.Client.Game.DoActionAsync(new ActivityInfo
        {
            Creature = Tordek, ActionKey = "shove", Targets = [new TargetInfo { Key = ShoveAction.TargetKey, Creatures = [Mialee] }],
        });
        Assert.True(shove.Accepted, shove.Error);
        var prompt = Assert.Single(await bob.Client.Game.GetPrerequisitesAsync(Mialee));
        Assert.Contains("resist", prompt.Prompt);
        if (resist)
            await AnswerAsync(game, bob, Mialee, 9);
    }

    private static async Task AnswerAsync(LoopbackGame game, RecordingClient player, Guid creature, int face)
    {
        var prompt = Assert.Single(await player.Client.Game.GetPrerequisitesAsync(creature));
        game.Dice.Enqueue(face);
        Assert.True(Assert.Single(await player.Client.Game.SetPrerequisitesAsync([new AnswerInfo { Prerequisite = prompt.Id, Step = prompt.Step }])).Accepted);
    }

    /// <summary>The game file's bytes, and whether it has a write-ahead log beside it.</summary>
    private static (string, bool) Fingerprint(string file) =>
        (Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))), File.Exists(file + "-wal") && new FileInfo(file + "-wal").Length > 0);
}
