using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;

namespace Ikosa.Tests.ClientApp;

/// <summary>The app's commands against a real host over loopback net.tcp: what a player and the game master type.</summary>
public class CommandExecutorTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;
    private static readonly Guid Mialee = EntityId.Named("sample:mialee").Value;

    [Fact]
    public async Task A_player_picks_a_character_answers_initiative_moves_and_ends_the_turn()
    {
        await using var app = await AppSessions.StartAsync();
        var (gmSession, gm) = await app.LoginAsync("gm");
        var (alice, aliceCommands) = await app.LoginAsync("alice");

        var played = await aliceCommands.Ok("play Tordek");
        Assert.Equal("you play: Tordek", Assert.Single(played.Lines));
        Assert.Equal(Tordek, alice.Active);

        app.Game.Dice.Enqueue(1);
        await gm.Ok("start-combat Tordek, goblin-1");
        var prompts = await aliceCommands.Ok("prompts");
        Assert.Contains("Tordek: roll initiative [roll 1d20+1]", Assert.Single(prompts.Lines));

        app.Game.Dice.Enqueue(20);
        await aliceCommands.Ok("answer");
        Assert.Equal(Tordek, (await alice.Client.Game.GetTurnTrackerAsync()).Current);
        var turns = await aliceCommands.Ok("turns");
        Assert.Contains(turns.Lines, l => l.StartsWith('>') && l.Contains("Tordek"));

        // A lone destination two squares away: the app plans the path through what Tordek sees.
        var moved = await aliceCommands.Ok("move 3 4");
        Assert.Equal("Tordek: move", Assert.Single(moved.Lines)); // no host serial numbers for players to puzzle over
        var tordek = await alice.Client.Game.GetCreatureAsync(Tordek);
        Assert.Equal((3, 4), (tordek.X, tordek.Y));
        var map = await aliceCommands.Ok("map");
        Assert.Contains(map.Lines, l => l.StartsWith(" 4 #.J@.", StringComparison.Ordinal));
        Assert.Contains("   @ Tordek (3,4) 45/45 hp, Conscious", map.Lines);

        await aliceCommands.Ok("end");
        Assert.NotEqual(Tordek, (await alice.Client.Game.GetTurnTrackerAsync()).Current);

        // Every roll reaches the game master's log as its batch arrives.
        await gmSession.LogLineAsync("Tordek, initiative: 1d20+1 = 21");
        await gmSession.LogLineAsync("Tordek moved (2,2) -> ");
    }

    [Fact]
    public async Task Each_target_answers_its_own_fireball_save_through_the_app()
    {
        await using var app = await AppSessions.StartAsync();
        var (_, gm) = await app.LoginAsync("gm");
        var (alice, aliceCommands) = await app.LoginAsync("alice");
        var (bob, bobCommands) = await app.LoginAsync("bob");
        await aliceCommands.Ok("play Tordek");
        await bobCommands.Ok("play Mialee");

        app.Game.Dice.Enqueue(1);
        await gm.Ok("start-combat Tordek, Mialee, Goblin 1");
        app.Game.Dice.Enqueue(2);
        await aliceCommands.Ok("answer");
        app.Game.Dice.Enqueue(20);
        await bobCommands.Ok("answer");
        Assert.Equal(Mialee, (await bob.Client.Game.GetTurnTrackerAsync()).Current);

        Assert.Contains("cast-fireball", string.Join(" ", (await bobCommands.Ok("actions")).Lines));
        app.Game.Dice.Enqueue(6, 5, 4, 3, 2);
        await bobCommands.Ok("cast-fireball 2 2");

        // Each player sees exactly their own character's save; neither can answer the other's.
        var aliceSave = Assert.Single((await aliceCommands.Ok("prompts")).Lines);
        var bobSave = Assert.Single((await bobCommands.Ok("prompts")).Lines, l => l.Contains("Reflex"));
        Assert.StartsWith("#1 Tordek: Reflex save", aliceSave);
        Assert.Contains("Mialee: Reflex save", bobSave);

        app.Game.Dice.Enqueue(20, 1);
        await aliceCommands.Ok("answer");
        await bobCommands.Ok("answer");
        Assert.Equal(45 - 10, (await alice.Client.Game.GetCreatureAsync(Tordek)).HitPoints);
        Assert.Equal(22 - 20, (await bob.Client.Game.GetCreatureAsync(Mialee)).HitPoints);
        await alice.LogLineAsync("Tordek: 35 hp (-10)");
        var dice = await gm.Ok("dice 20");
        Assert.Contains(dice.Lines, l => l.StartsWith("Reflex save") && l.Contains("1d20+2 = 22"));
    }

    [Fact]
    public async Task A_script_can_wait_for_its_prompt_and_its_turn_while_another_client_acts()
    {
        await using var app = await AppSessions.StartAsync();
        var (_, gm) = await app.LoginAsync("gm");
        var (_, aliceCommands) = await app.LoginAsync("alice");
        await aliceCommands.Ok("play Tordek");

        var prompt = aliceCommands.ExecuteAsync("wait prompt 60");
        var turn = aliceCommands.ExecuteAsync("wait turn 60");
        app.Game.Dice.Enqueue(1);
        await gm.Ok("start-combat Tordek, Goblin 1");
        Assert.True((await prompt.WaitAsync(TimeSpan.FromSeconds(90))).Ok);
        Assert.False(turn.IsCompleted && (await turn).Ok, "it cannot be Tordek's turn before his initiative is rolled");

        app.Game.Dice.Enqueue(20);
        await aliceCommands.Ok("answer");
        Assert.Equal(["turn: ready"], (await turn.WaitAsync(TimeSpan.FromSeconds(90))).Lines);
    }

    [Fact]
    public async Task A_player_delays_her_turn_and_out_of_turn_commands_say_whose_turn_it_is()
    {
        await using var app = await AppSessions.StartAsync();
        var (_, gm) = await app.LoginAsync("gm");
        var (alice, aliceCommands) = await app.LoginAsync("alice");
        await aliceCommands.Ok("play Tordek");
        app.Game.Dice.Enqueue(1);
        await gm.Ok("start-combat Tordek, Goblin 1");
        app.Game.Dice.Enqueue(20);
        await aliceCommands.Ok("answer");
        Assert.Equal(Tordek, (await alice.Client.Game.GetTurnTrackerAsync()).Current);

        Assert.Equal("Tordek delays: acts again right after the next creature", Assert.Single((await aliceCommands.Ok("delay")).Lines));
        var tracker = await alice.Client.Game.GetTurnTrackerAsync();
        Assert.NotEqual(Tordek, tracker.Current);
        Assert.Equal(Tordek, tracker.Order.Last().Creature);

        // Now it is the goblin's turn: what Tordek would do is refused as out of turn, not as an unknown command.
        foreach (var line in new[] { "move 3 4", "do move 3 4", "five-foot-step 3 3" })
        {
            var why = await aliceCommands.Refused(line);
            Assert.Contains("it is not Tordek's turn", why);
            Assert.DoesNotContain("unknown command", why);
        }
        Assert.Contains("it is not Tordek's turn", await aliceCommands.Refused("delay"));
        var tordek = await alice.Client.Game.GetCreatureAsync(Tordek);
        Assert.Equal((2, 2), (tordek.X, tordek.Y));
    }

    [Fact]
    public async Task Refusals_come_back_as_failed_results_with_the_reason_and_change_nothing()
    {
        await using var app = await AppSessions.StartAsync();
        var (_, gm) = await app.LoginAsync("gm");
        var (alice, aliceCommands) = await app.LoginAsync("alice");
        var serial = await alice.Client.Game.GetSerialAsync();

        Assert.Contains("game master", await aliceCommands.Refused("start-combat Tordek"));
        Assert.Contains("not one of your characters", await aliceCommands.Refused("play Mialee"));
        Assert.Contains("no active creature", await aliceCommands.Refused("end"));
        Assert.Contains("unknown command", await aliceCommands.Refused("dance wildly"));
        Assert.Contains("no prompt", await aliceCommands.Refused("answer"));
        Assert.Contains("no prompt #3", await aliceCommands.Refused("answer #3"));
        Assert.Equal(serial, await alice.Client.Game.GetSerialAsync());

        await aliceCommands.Ok("play Tordek");
        Assert.Contains("you do not play Mialee", await aliceCommands.Refused("use Mialee"));
        Assert.Contains("pairs of numbers", await aliceCommands.Refused("move three four"));
        Assert.Contains("cannot attack Mialee now", await aliceCommands.Refused("attack Mialee"));
        await aliceCommands.Refused("do five-foot-step 99 99");
        Assert.Contains("no creature called", await gm.Refused("start-combat Vecna"));
        Assert.Contains("wait for what", await aliceCommands.Refused("wait forever"));

        var tordek = await alice.Client.Game.GetCreatureAsync(Tordek);
        Assert.Equal((2, 2, 45), (tordek.X, tordek.Y, tordek.HitPoints));
    }

    [Fact]
    public async Task Chat_reaches_its_audience_and_whispers_only_their_target()
    {
        await using var app = await AppSessions.StartAsync();
        var (gmSession, _) = await app.LoginAsync("gm");
        var (alice, aliceCommands) = await app.LoginAsync("alice");
        var (bob, _) = await app.LoginAsync("bob");
        var (carol, _) = await app.LoginAsync("carol");

        await aliceCommands.Ok("say hello, everyone: ready?");
        await bob.LogLineAsync("alice: hello, everyone: ready?");
        await gmSession.LogLineAsync("alice: hello, everyone: ready?");

        await aliceCommands.Ok("whisper bob the goblin is mine");
        await aliceCommands.Ok("say after the whisper");
        await bob.LogLineAsync("alice whispers: the goblin is mine");
        // Carol gets the later line, so the whisper (committed earlier) would have arrived before it.
        await carol.LogLineAsync("after the whisper");
        Assert.DoesNotContain(carol.Log.Last(1000), e => e.Text.Contains("goblin is mine"));
        Assert.Contains("say what", await aliceCommands.Refused("say   "));
    }

    [Fact]
    public async Task The_game_master_edits_a_creature_and_lets_the_host_roll_every_waiting_roll()
    {
        await using var app = await AppSessions.StartAsync();
        var (gmSession, gm) = await app.LoginAsync("gm");
        var (alice, aliceCommands) = await app.LoginAsync("alice");
        await aliceCommands.Ok("play Tordek");

        var edited = await gm.Ok("edit Tordek hp=30 at=3,2");
        Assert.Equal("Tordek: 30/45 hp at (3,2)", Assert.Single(edited.Lines));
        Assert.Contains("cannot read", await gm.Refused("edit Tordek hp=lots"));

        await gm.Ok("start-combat Tordek, Goblin 1");
        var rolled = await gm.Ok("answer-all");
        Assert.Contains("rolled: Tordek: roll initiative", Assert.Single(rolled.Lines));
        Assert.True((await alice.Client.Game.GetTurnTrackerAsync()).InCombat);
        Assert.DoesNotContain((await aliceCommands.Ok("prompts")).Lines, l => l.Contains("initiative"));

        var who = await gm.Ok("who");
        Assert.Contains("alice: online", who.Lines);
        await gm.Ok("kick alice");
        await alice.LogLineAsync("session ended");
        Assert.NotNull(alice.EndedBecause);
    }
}
