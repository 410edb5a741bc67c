using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// Every kind of notification, over real loopback sockets: it reaches exactly the users it is for, and not the others,
/// as its typed contract with its fields. At the table: the game master, alice playing Tordek, bob playing Mialee, and
/// dave, who is logged in but plays nobody (so "everyone in the game" is not him). StepFailed, which only a broken rule
/// produces, is in RulePackageOverTheWireTests.
/// </summary>
public class NotificationKindTests
{
    private static readonly Guid Tordek = Sample.Tordek.Value;
    private static readonly Guid Mialee = Sample.Mialee.Value;
    private static readonly Guid Goblin = Sample.Goblins[0].Value;

    [Fact]
    public async Task ChatMessage_reaches_its_audience_only()
    {
        await using var table = await Table.SeatAsync();
        await table.Alice.Client.Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.Party, Text = "careful, a trap" });
        await table.Bob.Client.Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.Whisper, To = "alice", Text = "psst" });
        await table.Dave.Client.Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.GameMaster, Text = "may I join?" });

        var party = await table.HeardAsync<ChatMessageInfo>(c => c.Text == "careful, a trap");
        Table.OnlyThese(party, "gm", "alice", "bob"); // the players in the game and the masters: not dave, who plays nobody
        Assert.Equal(("ChatMessage", "alice", "Party"), (party["bob"][0].Kind, party["bob"][0].From, party["bob"][0].Audience));
        Table.OnlyThese(await table.HeardAsync<ChatMessageInfo>(c => c.Text == "psst"), "alice", "bob");
        Table.OnlyThese(await table.HeardAsync<ChatMessageInfo>(c => c.Text == "may I join?" && c.Audience == "GameMaster"), "gm", "dave");
    }

    [Fact]
    public async Task PresenceChanged_reaches_everyone_online()
    {
        await using var table = await Table.SeatAsync();
        var carol = await table.Game.LoginAsync("carol");

        var online = await table.HeardAsync<PresenceChangedInfo>(p => p.User == "carol" && p.Online);
        Table.OnlyThese(online, "gm", "alice", "bob", "dave");
        await carol.Client.LogoutAsync();
        var offline = await table.HeardAsync<PresenceChangedInfo>(p => p.User == "carol" && !p.Online);
        Table.OnlyThese(offline, "gm", "alice", "bob", "dave");
        Assert.Equal("PresenceChanged", offline["dave"][0].Kind);
    }

    [Fact]
    public async Task SystemEvent_of_a_login_reaches_the_masters_only()
    {
        await using var table = await Table.SeatAsync();
        await table.Game.LoginAsync("carol");

        var joined = await table.HeardAsync<SystemEventInfo>(e => e.What.StartsWith("carol", StringComparison.Ordinal));
        Table.OnlyThese(joined, "gm");
        Assert.Equal("SystemEvent", joined["gm"][0].Kind);
    }

    [Fact]
    public async Task CreatureMoved_reaches_the_masters_the_controller_and_who_sees_it()
    {
        await using var table = await Table.SeatAsync();
        Assert.True((await table.Alice.Client.Game.DoActionAsync(Move(Tordek, (3, 2)))).Accepted);
        // Behind the wall of the guard room, the goblin's move is the master's alone.
        Assert.True((await table.Gm.Client.Game.DoActionAsync(Move(Goblin, (10, 2)))).Accepted);

        var tordek = await table.HeardAsync<CreatureMovedInfo>(m => m.Creature == Tordek);
        Table.OnlyThese(tordek, "gm", "alice", "bob"); // Mialee, at (1,3), sees Tordek; dave has no eyes in the game
        var moved = tordek["bob"][0];
        Assert.Equal(("CreatureMoved", 2, 2, 3, 2), (moved.Kind, moved.From.X, moved.From.Y, moved.To.X, moved.To.Y));
        Assert.Equal([Tordek], moved.Entities);
        Table.OnlyThese(await table.HeardAsync<CreatureMovedInfo>(m => m.Creature == Goblin), "gm");
    }

    [Fact]
    public async Task MovementStopped_reaches_the_mover_s_controller_and_the_masters()
    {
        await using var table = await Table.SeatAsync();
        Assert.True((await table.Alice.Client.Game.DoActionAsync(Move(Tordek, (2, 1), (2, 0)))).Accepted);

        var stopped = await table.HeardAsync<MovementStoppedInfo>(s => s.Creature == Tordek);
        Table.OnlyThese(stopped, "gm", "alice"); // bob sees Tordek move, but the stop is his player's business
        Assert.Equal(("MovementStopped", 2, 1, "a wall"), (stopped["alice"][0].Kind, stopped["alice"][0].At.X, stopped["alice"][0].At.Y, stopped["alice"][0].Reason));
    }

    [Fact]
    public async Task ProcessEnded_reaches_the_actor_s_controller_and_the_masters()
    {
        await using var table = await Table.SeatAsync();
        Assert.True((await table.Alice.Client.Game.DoActionAsync(Move(Tordek, (3, 2)))).Accepted);

        var ended = await table.HeardAsync<ProcessEndedInfo>(p => p.Name == "Move");
        Table.OnlyThese(ended, "gm", "alice");
        Assert.Equal(("ProcessEnded", true, (string?)null), (ended["alice"][0].Kind, ended["alice"][0].Completed, ended["alice"][0].Reason));
        Assert.Equal([ended["alice"][0].Process], ended["alice"][0].Entities);
    }

    [Fact]
    public async Task MapChanged_reaches_everyone_in_the_game()
    {
        await using var table = await Table.SeatAsync();
        Assert.True((await table.Alice.Client.Game.DoActionAsync(Move(Tordek, (3, 2), (4, 2), (5, 2), (6, 3)))).Accepted);
        var opened = await table.Alice.Client.Game.DoActionAsync(new ActivityInfo
        {
            Creature = Tordek, ActionKey = "open-door", Targets = [new TargetInfo { Key = "door", Cells = [new PointInfo { X = 7, Y = 3 }] }],
        });
        Assert.True(opened.Accepted, opened.Error);

        var changed = await table.HeardAsync<MapChangedInfo>(m => m.Cell.X == 7 && m.Cell.Y == 3);
        Table.OnlyThese(changed, "gm", "alice", "bob");
        Assert.Equal("MapChanged", changed["bob"][0].Kind);
    }

    [Fact]
    public async Task PromptWaiting_reaches_the_fulfiller_s_controller_and_the_masters()
    {
        await using var table = await Table.SeatAsync();
        table.Game.Dice.Enqueue(1); // the goblin's initiative, rolled by the host
        Assert.True((await table.Gm.Client.Master!.StartCombatAsync([Tordek, Mialee, Goblin])).Accepted);
        var prompt = Assert.Single(await table.Alice.Client.Game.GetPrerequisitesAsync(Tordek));

        var waiting = await table.HeardAsync<PromptWaitingInfo>(p => p.Fulfiller == Tordek);
        Table.OnlyThese(waiting, "gm", "alice");
        var heard = waiting["alice"][0];
        Assert.Equal(("PromptWaiting", prompt.Step, prompt.Id, "Roll", "Tordek: roll initiative"), (heard.Kind, heard.Step, heard.Prerequisite, heard.PromptKind, heard.Text));
        Assert.Contains(Tordek, heard.Entities);
        Table.OnlyThese(await table.HeardAsync<PromptWaitingInfo>(p => p.Fulfiller == Mialee), "gm", "bob");
    }

    [Fact]
    public async Task PromptAnswered_reaches_the_fulfiller_s_controller_and_the_masters()
    {
        await using var table = await Table.SeatAsync();
        table.Game.Dice.Enqueue(1);
        Assert.True((await table.Gm.Client.Master!.StartCombatAsync([Tordek, Goblin])).Accepted);
        var prompt = Assert.Single(await table.Alice.Client.Game.GetPrerequisitesAsync(Tordek));
        table.Game.Dice.Enqueue(19);
        Assert.True(Assert.Single(await table.Alice.Client.Game.SetPrerequisitesAsync([new AnswerInfo { Prerequisite = prompt.Id, Step = prompt.Step }])).Accepted);

        var answered = await table.HeardAsync<PromptAnsweredInfo>(p => p.Prerequisite == prompt.Id);
        Table.OnlyThese(answered, "gm", "alice");
        Assert.Equal(("PromptAnswered", prompt.Step, "alice"), (answered["gm"][0].Kind, answered["gm"][0].Step, answered["gm"][0].AnsweredBy));
    }

    [Fact]
    public async Task DiceRolled_reaches_the_creature_s_controller_and_the_masters()
    {
        await using var table = await Table.SeatAsync();
        await table.StartCombatWithTordekFirstAsync();

        var tordek = await table.HeardAsync<DiceRolledInfo>(d => d.Creature == Tordek);
        Table.OnlyThese(tordek, "gm", "alice");
        var roll = tordek["alice"][0];
        Assert.Equal(("DiceRolled", "initiative", "1d20+1", 20, false), (roll.Kind, roll.Purpose, roll.Expression, roll.Total, roll.Physical));
        var logged = Assert.Single(await table.Alice.Client.Game.GetDiceLogAsync(10), r => r.Purpose == "initiative");
        Assert.Equal(20, logged.Total);
        Table.OnlyThese(await table.HeardAsync<DiceRolledInfo>(d => d.Creature == Goblin), "gm"); // the master's goblin
    }

    [Fact]
    public async Task CombatChanged_reaches_everyone_in_the_game()
    {
        await using var table = await Table.SeatAsync();
        await table.StartCombatWithTordekFirstAsync();
        Assert.True((await table.Gm.Client.Master!.StopCombatAsync()).Accepted);

        var started = await table.HeardAsync<CombatChangedInfo>(c => c.InCombat);
        Table.OnlyThese(started, "gm", "alice", "bob");
        Assert.Equal(("CombatChanged", 1), (started["bob"][0].Kind, started["bob"][0].Round));
        Table.OnlyThese(await table.HeardAsync<CombatChangedInfo>(c => !c.InCombat), "gm", "alice", "bob");
    }

    [Fact]
    public async Task TurnStarted_reaches_everyone_in_the_game()
    {
        await using var table = await Table.SeatAsync();
        await table.StartCombatWithTordekFirstAsync();

        var turn = await table.HeardAsync<TurnStartedInfo>(t => t.Creature == Tordek);
        Table.OnlyThese(turn, "gm", "alice", "bob");
        Assert.Equal(("TurnStarted", 1), (turn["bob"][0].Kind, turn["bob"][0].Round));
    }

    [Fact]
    public async Task AttackResolved_reaches_both_sides_controllers_and_the_masters_and_HitPointsChanged_the_target_s()
    {
        await using var table = await Table.SeatAsync();
        await table.StartCombatWithTordekFirstAsync();
        table.Game.Dice.Enqueue(15, 1); // 15 + 7 hits AC 15; 1d10+2 deals 3
        var attack = await table.Alice.Client.Game.DoActionAsync(new ActivityInfo
        {
            Creature = Tordek, ActionKey = "melee-attack", Targets = [new TargetInfo { Key = "target", Creatures = [Goblin] }],
        });
        Assert.True(attack.Accepted, attack.Error);

        var resolved = await table.HeardAsync<AttackResolvedInfo>(a => a.Attacker == Tordek);
        Table.OnlyThese(resolved, "gm", "alice");
        var heard = resolved["alice"][0];
        Assert.Equal(("AttackResolved", Goblin, true, false, 3, false), (heard.Kind, heard.Target, heard.Hit, heard.Critical, heard.Damage, heard.Opportunity));
        // The goblin's hit points are the master's business: alice learns how the attack went, not what is left of it.
        var hitPoints = await table.HeardAsync<HitPointsChangedInfo>(h => h.Creature == Goblin);
        Table.OnlyThese(hitPoints, "gm");
        Assert.Equal(("HitPointsChanged", 2, -3, "Conscious"), (hitPoints["gm"][0].Kind, hitPoints["gm"][0].HitPoints, hitPoints["gm"][0].Delta, hitPoints["gm"][0].Health));
    }

    [Fact]
    public async Task SpellCast_reaches_everyone_in_the_game_and_HitPointsChanged_each_target_s_player()
    {
        await using var table = await Table.SeatAsync();
        table.Game.Dice.Enqueue(1);
        Assert.True((await table.Gm.Client.Master!.StartCombatAsync([Tordek, Mialee, Goblin])).Accepted);
        await table.AnswerInitiativeAsync(table.Alice, Tordek, 2);
        await table.AnswerInitiativeAsync(table.Bob, Mialee, 20);
        table.Game.Dice.Enqueue(6, 5, 4, 3, 2); // 20 fire damage
        var cast = await table.Bob.Client.Game.DoActionAsync(new ActivityInfo
        {
            Creature = Mialee, ActionKey = "cast-fireball", Targets = [new TargetInfo { Key = "center", Cells = [new PointInfo { X = 2, Y = 2 }] }],
        });
        Assert.True(cast.Accepted, cast.Error);
        foreach (var (player, creature, face) in new[] { (table.Alice, Tordek, 20), (table.Bob, Mialee, 1) })
        {
            var save = Assert.Single(await player.Client.Game.GetPrerequisitesAsync(creature));
            table.Game.Dice.Enqueue(face);
            Assert.True(Assert.Single(await player.Client.Game.SetPrerequisitesAsync([new AnswerInfo { Prerequisite = save.Id, Step = save.Step }])).Accepted);
        }

        var spell = await table.HeardAsync<SpellCastInfo>(s => s.Caster == Mialee);
        Table.OnlyThese(spell, "gm", "alice", "bob");
        var heard = spell["alice"][0];
        Assert.Equal(("SpellCast", "fireball", 2, 2), (heard.Kind, heard.Spell, heard.Center.X, heard.Center.Y));
        Assert.Contains(Tordek, heard.Targets);
        Assert.Contains(Mialee, heard.Targets);
        var tordek = await table.HeardAsync<HitPointsChangedInfo>(h => h.Creature == Tordek);
        Table.OnlyThese(tordek, "gm", "alice");
        Assert.Equal((35, -10), (tordek["alice"][0].HitPoints, tordek["alice"][0].Delta)); // saved: half of 20
        Table.OnlyThese(await table.HeardAsync<HitPointsChangedInfo>(h => h.Creature == Mialee), "gm", "bob");
    }

    private static ActivityInfo Move(Guid creature, params (int X, int Y)[] path) => new()
    {
        Creature = creature, ActionKey = "move", Targets = [new TargetInfo { Key = "path", Cells = [.. path.Select(p => new PointInfo { X = p.X, Y = p.Y })] }],
    };
}
