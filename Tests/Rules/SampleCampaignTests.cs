using Ikosa.Engine.Rules.Actions;
using Ikosa.Host.Campaigns;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Tests.Workflow;

namespace Ikosa.Tests.Rules;

public class SampleCampaignTests
{
    [Fact]
    public void The_sample_campaign_sets_up_a_playable_dungeon()
    {
        using var game = new TestGame(dice: new Ikosa.Engine.Workflow.Dice.SeededDiceSource(7));
        game.Types.Register<CampaignHeader>(CampaignHeader.TypeName);
        game.Write(tx => CampaignReader.Load(ShippedCampaigns.Sample).PutInto(tx));
        var alice = Actor.Player("alice");
        var bob = Actor.Player("bob");

        Assert.False(game.Write(tx => game.Rules.TakeControl(tx, alice, Sample.Mialee)).Ok);
        Assert.True(game.Write(tx => game.Rules.TakeControl(tx, bob, Sample.Mialee)).Ok);
        Assert.Contains("already played", game.Write(tx => game.Rules.TakeControl(tx, TestGame.GameMaster, Sample.Mialee)).Error);
        Assert.True(game.Write(tx => game.Rules.TakeControl(tx, alice, Sample.Tordek)).Ok);
        Assert.Equal(["Tordek"], game.Read(tx => game.Rules.ControlledCreatures(tx, alice)).Select(c => c.Name));

        var mialee = game.Read(tx => tx.Get<Creature>(Sample.Mialee));
        Assert.Equal(2, mialee.SpellsLeft("fireball"));
        var sees = game.Read(tx => game.Rules.GetPerception(tx, bob, Sample.Mialee))!;
        Assert.DoesNotContain(sees.VisibleCreatures, c => Sample.Monsters.Contains(c.Id));
        Assert.Equal(4, game.Read(tx => tx.All<Creature>().Count(c => c.Team == "heroes")));
        Assert.Equal(5, Sample.Monsters.Count);

        var actions = game.Read(tx => game.Rules.GetActions(tx, bob, Sample.Mialee)).Select(a => a.Key).ToList();
        Assert.Contains("move", actions);
        Assert.DoesNotContain("cast-fireball", actions);

        Assert.True(game.Write(tx => game.Rules.StartCombat(tx, TestGame.GameMaster, Sample.Heroes.AddRange(Sample.Goblins))).Ok);
        foreach (var player in new[] { alice, bob })
            foreach (var prompt in game.Read(tx => game.Rules.GetPrerequisites(tx, player)))
                Assert.True(game.Write(tx => game.Rules.SetPrerequisites(tx, player, [new(prompt.Step, prompt.Id, new RollAnswer())])).Single().Accepted);
        foreach (var prompt in game.Read(tx => game.Rules.GetPrerequisites(tx, TestGame.GameMaster)))
            game.Write(tx => game.Rules.SetPrerequisites(tx, TestGame.GameMaster, [new(prompt.Step, prompt.Id, new RollAnswer())]));
        Assert.Equal(7, game.Read(tx => game.Rules.GetTurnTracker(tx, TestGame.GameMaster)).Order.Count);
        Assert.NotNull(game.Read(tx => game.Rules.GetTurnTracker(tx, TestGame.GameMaster)).Current);
    }
}
