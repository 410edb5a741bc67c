using Ikosa.Contracts;
using Ikosa.Engine.Workflow.Users;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// The host, a game master and two players over real loopback net.tcp: combat, initiative prompts, a move, a
/// Fireball whose saves go to each target's own player, and the batches everyone receives.
/// </summary>
public class CombatOverTheWireTests
{
    private static readonly EntityId Tordek = EntityId.Named("sample:tordek");
    private static readonly EntityId Mialee = EntityId.Named("sample:mialee");

    [Fact]
    public async Task Master_and_two_players_fight_and_each_target_answers_its_own_save()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var alice = await game.LoginAsync("alice", Tordek.Value);
        var bob = await game.LoginAsync("bob", Mialee.Value);
        var goblin = game.Game.Engine.Gate.Read(tx => tx.All<Creature>().First(c => c.Name.StartsWith("Goblin")).Id);

        Assert.False((await gm.Client.Game.GetTurnTrackerAsync()).InCombat);

        // The master starts combat; the goblin's initiative is rolled at once, the heroes' players are asked for theirs.
        game.Dice.Enqueue(1);
        Assert.True((await gm.Client.Master!.StartCombatAsync([Tordek.Value, Mialee.Value, goblin.Value])).Accepted);
        var tordekInitiative = Assert.Single(await alice.Client.Game.GetPrerequisitesAsync(null));
        var mialeeInitiative = Assert.Single(await bob.Client.Game.GetPrerequisitesAsync(null));
        Assert.Equal(Tordek.Value, tordekInitiative.Creature);
        Assert.Equal(Mialee.Value, mialeeInitiative.Creature);
        game.Dice.Enqueue(2);
        Assert.True(Assert.Single(await alice.Client.Game.SetPrerequisitesAsync([Answer(tordekInitiative)])).Accepted);
        game.Dice.Enqueue(20);
        Assert.True(Assert.Single(await bob.Client.Game.SetPrerequisitesAsync([Answer(mialeeInitiative)])).Accepted);
        var tracker = await bob.Client.Game.GetTurnTrackerAsync();
        Assert.Equal(Mialee.Value, tracker.Current);

        // Mialee moves a square, then casts Fireball on Tordek's square, catching Tordek, herself and the heroes nobody plays.
        var actions = (await bob.Client.Game.GetActionsAsync(Mialee.Value)).Select(a => a.Key).ToList();
        Assert.Contains("move", actions);
        Assert.Contains("cast-fireball", actions);
        var moved = await bob.Client.Game.DoActionAsync(Activity(Mialee, "move", new TargetInfo { Key = "path", Cells = [new PointInfo { X = 1, Y = 4 }] }));
        Assert.True(moved.Accepted, moved.Error);
        game.Dice.Enqueue(6, 5, 4, 3, 2);
        var cast = await bob.Client.Game.DoActionAsync(Activity(Mialee, "cast-fireball", new TargetInfo { Key = "center", Cells = [new PointInfo { X = 2, Y = 2 }] }));
        Assert.True(cast.Accepted, cast.Error);

        var aliceSave = Assert.Single(await alice.Client.Game.GetPrerequisitesAsync(null));
        var bobSave = Assert.Single(await bob.Client.Game.GetPrerequisitesAsync(null));
        Assert.Equal(("SavingThrow", Tordek.Value), (aliceSave.Kind, aliceSave.Creature!.Value));
        Assert.Equal(("SavingThrow", Mialee.Value), (bobSave.Kind, bobSave.Creature!.Value));
        Assert.Equal(2, (await gm.Client.Game.GetPrerequisitesAsync(null)).Count(p => p.Kind == "SavingThrow")); // masters see every prompt
        // Batches go out after the commit, so wait for the one that asks alice; bob's prompt came in the same commit.
        await alice.WaitForAsync(b => b.Items.OfType<PromptWaitingInfo>().Any(n => n.Prerequisite == aliceSave.Id));
        Assert.DoesNotContain(alice.Notifications.OfType<PromptWaitingInfo>(), n => n.Prerequisite == bobSave.Id);

        // A player cannot answer another player's save; each answers its own.
        Assert.False(Assert.Single(await alice.Client.Game.SetPrerequisitesAsync([Answer(bobSave)])).Accepted);
        game.Dice.Enqueue(20, 1);
        Assert.True(Assert.Single(await alice.Client.Game.SetPrerequisitesAsync([Answer(aliceSave)])).Accepted);
        Assert.True(Assert.Single(await bob.Client.Game.SetPrerequisitesAsync([Answer(bobSave)])).Accepted);

        // 20 fire damage: Tordek saved (half), Mialee failed.
        Assert.Equal(45 - 10, (await alice.Client.Game.GetCreatureAsync(Tordek.Value)).HitPoints);
        Assert.Equal(22 - 20, (await bob.Client.Game.GetCreatureAsync(Mialee.Value)).HitPoints);
        var serial = await gm.Client.Game.GetSerialAsync();
        foreach (var client in new[] { gm, alice, bob })
        {
            await client.WaitForSerialAsync(serial);
            var serials = client.Batches.Select(b => b.Serial).ToList();
            Assert.Equal(serials.Order().Distinct(), serials); // one batch per write, in commit order, none twice
        }
        Assert.Contains(alice.Notifications.OfType<HitPointsChangedInfo>(), n => n.Creature == Tordek.Value && n.HitPoints == 45 - 10);

        var log = await gm.Client.Game.GetDiceLogAsync(50);
        Assert.Contains(log, r => r.Purpose.Contains("initiative", StringComparison.OrdinalIgnoreCase) && r.Total >= 20);
        // Every roll is on the host's log: the players' two saves (20 and 1 on the die), and the saves the host
        // rolled itself for the heroes nobody plays (Jozan and Lidda were caught too).
        var saves = log.Where(r => r.Purpose.StartsWith("Reflex save", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, saves.Count);
        Assert.Contains(saves, r => r.Expression == "1d20+2" && r.Total == 22);
        Assert.Contains(saves, r => r.Expression == "1d20+3" && r.Total == 4);
        Assert.Contains(log, r => r.Expression == "5d6" && r.Total == 20);

        Assert.True((await gm.Client.Game.GetTurnTrackerAsync()).InCombat);
        Assert.True((await gm.Client.Master!.StopCombatAsync()).Accepted);
        Assert.False((await gm.Client.Game.GetTurnTrackerAsync()).InCombat);
    }

    private static AnswerInfo Answer(PrerequisiteInfo prompt) => new() { Prerequisite = prompt.Id, Step = prompt.Step };

    private static ActivityInfo Activity(EntityId creature, string action, params TargetInfo[] targets) =>
        new() { Creature = creature.Value, ActionKey = action, Targets = targets.ToList() };
}
