using Ikosa.Client.Library;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// The host process is SIGKILLed mid-combat and started again on the same game file and port: it comes back with the
/// last committed state, the players log in again and the fight goes on. Sessions live in the host's memory, so a
/// ticket from before the crash is refused with a fault saying to log in again (it is never silently half-resumed).
/// </summary>
public sealed class HostCrashTests : IDisposable
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;
    private static readonly Guid Mialee = EntityId.Named("sample:mialee").Value;
    private static readonly Guid Goblin = EntityId.Named("sample:goblin-1").Value;
    private static readonly Dictionary<string, string> Passwords = new() { ["gm"] = "gm-crash", ["alice"] = "alice-crash", ["bob"] = "bob-crash" };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ikosa-crash-" + Guid.NewGuid().ToString("N"));
    private readonly List<IkosaClient> _clients = new();

    [Fact]
    public async Task A_host_killed_mid_combat_restarts_into_its_last_committed_state_and_the_game_goes_on()
    {
        Directory.CreateDirectory(_folder);
        var data = Path.Combine(_folder, "game.ikosa");
        var port = HostProcess.FreePort();

        TurnTrackerInfo trackerBefore;
        PrerequisiteInfo bobsPrompt;
        TicketInfo aliceTicket;
        RecordingClient alice;
        using (var host = await HostProcess.StartAsync(data, port, Passwords))
        {
            var gm = await LoginAsync(host.BaseAddress, "gm");
            alice = await LoginAsync(host.BaseAddress, "alice", Tordek);
            var bob = await LoginAsync(host.BaseAddress, "bob", Mialee);
            var started = await gm.Client.Master!.StartCombatAsync([Tordek, Mialee, Goblin]);
            Assert.True(started.Accepted, started.Error);
            var alicesPrompt = Assert.Single(await alice.Client.Game.GetPrerequisitesAsync(Tordek));
            Assert.True(Assert.Single(await alice.Client.Game.SetPrerequisitesAsync([Answer(alicesPrompt)])).Accepted);
            bobsPrompt = Assert.Single(await bob.Client.Game.GetPrerequisitesAsync(Mialee));
            // The last write before the crash: acknowledged, so it must survive.
            var goblin = await gm.Client.Game.GetCreatureAsync(Goblin);
            var edited = await gm.Client.Master.EditCreatureAsync(new CreatureEditInfo { Id = Goblin, ExpectedVersion = goblin.Version, HitPoints = 2 });
            Assert.Equal(2, edited.HitPoints);
            trackerBefore = await gm.Client.Game.GetTurnTrackerAsync();
            aliceTicket = alice.Client.Ticket!;

            await host.KillAsync();
        }

        using var restarted = await HostProcess.StartAsync(data, port);

        // The old ticket died with the host's memory: a resume is refused, saying to log in again.
        var refused = await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(alice.Client.ResumeAsync);
        Assert.Contains("log in again", refused.Detail.Reason, StringComparison.Ordinal);
        Assert.Equal(aliceTicket.Ticket, alice.Client.Ticket!.Ticket);

        // The client library recovers by itself: it logs in again and tells its listeners to refetch; alice still
        // plays Tordek, whose control is model state and survived the crash.
        await alice.Client.RecoverAsync();
        Assert.NotEqual(aliceTicket.Ticket, alice.Client.Ticket!.Ticket);
        Assert.Contains(alice.Batches, b => b.Refetch);
        Assert.Equal(45, (await alice.Client.Game.GetCreatureAsync(Tordek)).MaxHitPoints);

        var gmAgain = await LoginAsync(restarted.BaseAddress, "gm");
        var aliceAgain = alice;
        var bobAgain = await LoginAsync(restarted.BaseAddress, "bob");
        Assert.Equal(2, (await gmAgain.Client.Game.GetCreatureAsync(Goblin)).HitPoints);
        var trackerAfter = await gmAgain.Client.Game.GetTurnTrackerAsync();
        Assert.Equal((trackerBefore.InCombat, trackerBefore.Round, trackerBefore.Current), (trackerAfter.InCombat, trackerAfter.Round, trackerAfter.Current));
        Assert.Equal(trackerBefore.Order.Select(e => (e.Creature, e.Initiative)), trackerAfter.Order.Select(e => (e.Creature, e.Initiative)));
        Assert.Contains(await aliceAgain.Client.Game.GetDiceLogAsync(20), r => r.Purpose.Contains("initiative", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await aliceAgain.Client.Game.GetPrerequisitesAsync(Tordek));

        // Bob's prompt survived the crash (same prompt) and the fight goes on when he answers it.
        var promptAfter = Assert.Single(await bobAgain.Client.Game.GetPrerequisitesAsync(Mialee));
        Assert.Equal((bobsPrompt.Id, bobsPrompt.Step), (promptAfter.Id, promptAfter.Step));
        Assert.True(Assert.Single(await bobAgain.Client.Game.SetPrerequisitesAsync([Answer(promptAfter)])).Accepted);
        Assert.Equal(3, (await gmAgain.Client.Game.GetTurnTrackerAsync()).Order.Count);
        var serial = await gmAgain.Client.Game.GetSerialAsync();
        await aliceAgain.WaitForSerialAsync(serial);
    }

    private async Task<RecordingClient> LoginAsync(Uri baseAddress, string user, params Guid[] characters)
    {
        var client = new IkosaClient(new IkosaClientOptions { BaseAddress = baseAddress, Reconnect = false });
        _clients.Add(client);
        var recording = new RecordingClient(client);
        await client.LoginAsync(user, Passwords[user]);
        if (characters.Length > 0)
            await client.Login.SelectCharactersAsync(characters.ToList(), []);
        return recording;
    }

    private static AnswerInfo Answer(PrerequisiteInfo prompt) => new() { Prerequisite = prompt.Id, Step = prompt.Step };

    public void Dispose()
    {
        foreach (var client in _clients)
            client.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
