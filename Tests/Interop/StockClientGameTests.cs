using Ikosa.Contracts;
using Ikosa.Tests.Interop.Hosting;
using Ikosa.Tests.Interop.StockClient;

namespace Ikosa.Tests.Interop;

/// <summary>
/// Microsoft's WCF client plays a little scene against the real host (a child process) over loopback, plain and over
/// TLS: a game master and two players log in, choose characters, chat and look around; the master moves a goblin next
/// to Tordek and starts combat; the players answer their initiative prompts, Mialee moves, Tordek attacks, turns end;
/// then the master's controls, a dropped connection resumed, a kick, a disabled user and a logout. Every operation of
/// every contract is called, the callbacks the host sends arrive, and typed faults arrive as FaultException&lt;T&gt;
/// with their detail, on channels that stay open.
/// </summary>
/// <remarks>
/// The proxies' calls are plain synchronous calls, grouped by phase; when the contracts become Task-returning, each call
/// becomes an await of its FooAsync twin and the fault checks take an async lambda.
/// </remarks>
public sealed class StockClientGameTests
{
    private static readonly Dictionary<string, string> Passwords = new()
    {
        ["gm"] = "gm-interop-secret",
        ["alice"] = "alice-interop-secret",
        ["bob"] = "bob-interop-secret",
    };

    private HostProcess _host = null!;
    private StockEndpoints _endpoints = null!;
    private readonly List<StockSeat> _seats = new();
    private StockSeat _gm = null!;
    private StockSeat _alice = null!;
    private StockSeat _bob = null!;
    private Guid _tordek;
    private Guid _mialee;
    private Guid _goblin;
    private Guid _orc;

    public enum HostSecurity
    {
        Plain,
        GameMastersCertificate,
        HostsOwnCertificate,
    }

    [Theory]
    [InlineData(HostSecurity.Plain)]
    [InlineData(HostSecurity.GameMastersCertificate)]
    [InlineData(HostSecurity.HostsOwnCertificate)]
    public async Task A_master_and_two_players_play_a_scene_through_every_operation(HostSecurity security)
    {
        using var certificate = security == HostSecurity.GameMastersCertificate ? HostCertificate.Create() : null;
        _host = await HostProcess.StartAsync(Passwords, certificate?.PfxPath, ownCertificate: security == HostSecurity.HostsOwnCertificate);
        try
        {
            // The client trusts what the game master tells the players: the fingerprint the host printed.
            _endpoints = new StockEndpoints(_host, security == HostSecurity.Plain ? null : _host.CertificateFingerprint);
            Assert.Equal(security == HostSecurity.Plain ? SecurityMode.None : SecurityMode.Transport, _endpoints.Mode);
            if (certificate is not null)
                Assert.Equal(certificate.Certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), _host.CertificateFingerprint);

            await LogInAsync();
            await ChooseCharactersAsync();
            await ChatAsync();
            await LookAroundAsync();
            await MoveTheGoblinAsync();
            await FightAsync();
            await DropAndResumeAsync();
            await RunTheTableAsync();
            await UseTheMastersControlsAsync();
            await HandOutPasswordsAsync();
            await LogOutAsync();

            AssertEveryOperationWasCalled();
            AssertBatchesArrivedInCommitOrder();
        }
        catch (Exception error) when (error is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{error.GetType().Name}: {error.Message}{Environment.NewLine}host output:{Environment.NewLine}{_host.Output}", error);
        }
        finally
        {
            _seats.ForEach(seat => seat.Dispose());
            await _host.DisposeAsync();
        }
    }

    /// <summary>Login, Bind on each channel, GetSerial; a wrong password and a forged ticket are refused.</summary>
    private async Task LogInAsync()
    {
        _gm = await Seat("gm").LogInAsync(Passwords["gm"]);
        Assert.True(_gm.Ticket.IsMaster);
        Assert.Equal("gm", _gm.Ticket.UserName);
        Assert.False(string.IsNullOrEmpty(_gm.Ticket.Ticket));

        _alice = await Seat("alice").LogInAsync(Passwords["alice"]);
        Assert.False(_alice.Ticket.IsMaster);

        // Bob mistypes his password, then forges a ticket: each a typed fault on a channel that then works.
        _bob = Seat("bob");
        var wrongPassword = await Expect.FaultAsync<AccessDeniedFault>(_bob.Login, () => _bob.Login.LoginAsync("bob", "not-his-password"));
        Assert.Equal("Login", wrongPassword.Operation);
        Assert.Contains("wrong user name or password", wrongPassword.Reason);
        var forged = await Expect.FaultAsync<AccessDeniedFault>(_bob.Game, () => _bob.Game.BindAsync("forged-ticket"));
        Assert.Equal("Bind", forged.Operation);
        await _bob.LogInAsync(Passwords["bob"]);
        Assert.Equal("bob", _bob.Ticket.UserName);

        // A player may open the master channel and bind it, but every master operation refuses him.
        await _bob.OpenMaster().BindAsync(_bob.Ticket.Ticket);
        var notMaster = await Expect.FaultAsync<AccessDeniedFault>(_bob.Master, () => _bob.Master.SetPausedAsync(true));
        Assert.Equal("SetPaused", notMaster.Operation);
        Assert.Contains("game master", notMaster.Reason);

        Assert.True(await _bob.Login.GetSerialAsync() >= _bob.Ticket.Serial);
        Assert.True(await _bob.Game.GetSerialAsync() >= _bob.Ticket.Serial);
    }

    /// <summary>GetCharacters, SelectCharacters (and a refused one), GetUsers.</summary>
    private async Task ChooseCharactersAsync()
    {
        _tordek = Assert.Single(await _alice.Login.GetCharactersAsync(), c => c.Name == "Tordek").Id;
        _mialee = Assert.Single(await _bob.Login.GetCharactersAsync(), c => c.Name == "Mialee").Id;
        Assert.DoesNotContain(await _alice.Login.GetCharactersAsync(), c => c.Name == "Mialee");
        Assert.Equal(["Jozan", "Lidda", "Mialee", "Tordek"], (await _gm.Login.GetCharactersAsync()).Select(c => c.Name));

        Assert.Equal("alice", Assert.Single(await _alice.Login.SelectCharactersAsync([_tordek], []), c => c.Id == _tordek).PlayedBy);
        Assert.Equal("bob", Assert.Single(await _bob.Login.SelectCharactersAsync([_mialee], []), c => c.Id == _mialee).PlayedBy);
        var taken = await Expect.FaultAsync<InvalidStateFault>(_bob.Login, () => _bob.Login.SelectCharactersAsync([_tordek], []));
        Assert.Contains("Tordek", taken.Reason);

        var users = (await _gm.Login.GetUsersAsync()).ToDictionary(u => u.Name);
        Assert.True(users["gm"].IsMaster);
        Assert.True(users["alice"].IsOnline);
        Assert.True(users["bob"].IsOnline);
        Assert.False(users["carol"].IsOnline);
    }

    /// <summary>SendChat to everyone and as a whisper, arriving as batches on the login callback; empty text and an unknown addressee are refused.</summary>
    private async Task ChatAsync()
    {
        await _alice.Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.Everyone, Text = "Well met, friends." });
        var heard = await _bob.Callbacks.WaitForNotificationAsync<ChatMessageInfo>(n => n.Text == "Well met, friends.");
        Assert.Equal(("ChatMessage", "alice", "Everyone"), (heard.Kind, heard.From, heard.Audience));
        await _gm.Callbacks.WaitForNotificationAsync<ChatMessageInfo>(n => n.Text == "Well met, friends.");

        await _bob.Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.Whisper, To = "alice", Text = "psst, the door" });
        var whisper = await _alice.Callbacks.WaitForNotificationAsync<ChatMessageInfo>(n => n.Text == "psst, the door");
        Assert.Equal(("bob", "Whisper"), (whisper.From, whisper.Audience));

        Assert.Equal("chat.Text", (await Expect.FaultAsync<InvalidArgumentFault>(_alice.Login, () => _alice.Login.SendChatAsync(new ChatInfo { Text = "  " }))).Argument);
        var nobody = await Expect.FaultAsync<InvalidArgumentFault>(_alice.Login,
            () => _alice.Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.Whisper, To = "nobody", Text = "hello?" }));
        Assert.Equal("chat.To", nobody.Argument);
    }

    /// <summary>GetView, GetMasterView, their updates, GetImage: what each may see, and the refusals.</summary>
    private async Task LookAroundAsync()
    {
        var view = await _alice.Visualization.GetViewAsync(_tordek);
        Assert.Equal(_tordek, view.Viewer);
        Assert.Equal((20, 11), (view.Width, view.Height));
        Assert.Contains(view.Visible, c => c is { X: 2, Y: 2, Terrain: "floor" });
        Assert.Contains(view.Creatures, t => t.Id == _mialee && t is { X: 1, Y: 3 });
        Assert.DoesNotContain(view.Creatures, t => t.Name.StartsWith("Goblin", StringComparison.Ordinal)); // behind a wall and a closed door

        var map = await _gm.Visualization.GetMasterViewAsync();
        Assert.Null(map.Viewer);
        Assert.Equal(20 * 11, map.Visible.Count);
        Assert.Equal(9, map.Creatures.Count);
        var goblin = Assert.Single(map.Creatures, t => t.Name == "Goblin 1");
        Assert.Equal((10, 1), (goblin.X, goblin.Y));
        _goblin = goblin.Id;
        _orc = Assert.Single(map.Creatures, t => t.Name == "Orc 1").Id;

        // The updates leave out the cells the caller has (it names their version); the creatures always come.
        var update = await _alice.Visualization.GetViewUpdateAsync(_tordek, view.CellsVersion);
        Assert.True(update.CellsUnchanged);
        Assert.Empty(update.Visible);
        Assert.Contains(update.Creatures, t => t.Id == _mialee);
        var mapUpdate = await _gm.Visualization.GetMasterViewUpdateAsync(null, map.CellsVersion, 0);
        Assert.True(mapUpdate.CellsUnchanged);
        Assert.Equal(9, mapUpdate.Creatures.Count);
        var sameCreatures = await _gm.Visualization.GetMasterViewUpdateAsync(null, map.CellsVersion, map.TokensVersion);
        Assert.True(sameCreatures.TokensChangedOnly); // nobody moved: no creature is sent
        Assert.Empty(sameCreatures.Creatures);
        Assert.Empty(sameCreatures.TokensGone ?? []);
        Assert.Equal(20 * 11, (await _gm.Visualization.GetMasterViewUpdateAsync(null, 0, 0)).Visible.Count);
        Assert.Equal("GetMasterViewUpdate", (await Expect.FaultAsync<AccessDeniedFault>(_alice.Visualization, () => _alice.Visualization.GetMasterViewUpdateAsync(null, 0, 0))).Operation);

        Assert.Equal("GetMasterView", (await Expect.FaultAsync<AccessDeniedFault>(_alice.Visualization, () => _alice.Visualization.GetMasterViewAsync())).Operation);
        Assert.Equal("GetView", (await Expect.FaultAsync<AccessDeniedFault>(_alice.Visualization, () => _alice.Visualization.GetViewAsync(_mialee))).Operation);
        Assert.Equal("creature", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Visualization, () => _gm.Visualization.GetViewAsync(Guid.NewGuid()))).Argument);

        var image = await _bob.Visualization.GetImageAsync("heroes.svg");
        Assert.Equal("image/svg+xml", image.ContentType);
        Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(image.Data));
        Assert.Equal("name", (await Expect.FaultAsync<InvalidArgumentFault>(_bob.Visualization, () => _bob.Visualization.GetImageAsync("missing.png"))).Argument);
    }

    /// <summary>GetCreature (the master sees all, a player only what his character sees), EditCreature with its refusals, SetPaused.</summary>
    private async Task MoveTheGoblinAsync()
    {
        Assert.Equal("creature", (await Expect.FaultAsync<InvalidArgumentFault>(_alice.Game, () => _alice.Game.GetCreatureAsync(_goblin))).Argument);
        var goblin = await _gm.Game.GetCreatureAsync(_goblin);
        Assert.Equal((10, 1, 5, "Conscious"), (goblin.X, goblin.Y, goblin.HitPoints, goblin.State));

        Assert.Contains("changed since you read it", (await Expect.FaultAsync<InvalidStateFault>(_gm.Master,
            () => _gm.Master.EditCreatureAsync(new CreatureEditInfo { Id = _goblin, ExpectedVersion = goblin.Version + 1, X = 3, Y = 2 }))).Reason);
        Assert.Equal("edit.X/Y", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Master,
            () => _gm.Master.EditCreatureAsync(new CreatureEditInfo { Id = _goblin, ExpectedVersion = goblin.Version, X = 0, Y = 0 }))).Argument);
        Assert.Equal("edit.Id", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Master,
            () => _gm.Master.EditCreatureAsync(new CreatureEditInfo { Id = Guid.NewGuid() }))).Argument);

        // Next to Tordek, through the closed door: now Tordek sees it, and his player is told.
        var moved = await _gm.Master.EditCreatureAsync(new CreatureEditInfo { Id = _goblin, ExpectedVersion = goblin.Version, X = 3, Y = 2 });
        Assert.Equal((3, 2), (moved.X, moved.Y));
        Assert.NotEqual(goblin.Version, moved.Version);
        await _alice.Callbacks.WaitForNotificationAsync<SystemEventInfo>(n => n.What == "the game master edited Goblin 1");
        var seen = await _alice.Game.GetCreatureAsync(_goblin);
        Assert.Equal((3, 2), (seen.X, seen.Y));
        Assert.Equal((0, 0), (seen.HitPoints, seen.ArmorClass)); // what Tordek cannot know stays on the host

        Assert.True((await _gm.Master.SetPausedAsync(false)).Accepted);
        Assert.True((await _gm.Master.SetPausedAsync(true)).Accepted);
    }

    /// <summary>
    /// Physical dice, StartCombat, initiative prompts (GetPrerequisites, SetPrerequisites, AnswerPrerequisites), the turn
    /// tracker and dice log, then each hero's turn (GetActions, DoAction, EndTurn), combatants added and dropped, StopCombat.
    /// </summary>
    private async Task FightAsync()
    {
        Assert.True((await _gm.Master.AllowPhysicalDiceAsync("alice", true)).Accepted);
        // An unknown creature is a bad argument: a typed fault naming it, and the channel goes on.
        var unknown = await Expect.FaultAsync<InvalidArgumentFault>(_gm.Master, () => _gm.Master.StartCombatAsync([Guid.NewGuid()]));
        Assert.Equal("creatures[0]", unknown.Argument);
        Assert.Contains("there is no creature", unknown.Reason);
        Assert.True((await _gm.Master.StartCombatAsync([_tordek, _mialee, _goblin])).Accepted);
        Assert.False((await _gm.Master.StartCombatAsync([_tordek])).Accepted); // already on

        // Each player is asked for his hero's initiative; Alice rolls her own die, the master answers for Bob.
        var tordekPrompt = Assert.Single(await _alice.Game.GetPrerequisitesAsync(null));
        Assert.Equal(("Roll", _tordek, "1d20+1", true), (tordekPrompt.Kind, tordekPrompt.Creature, tordekPrompt.DiceExpression, tordekPrompt.PhysicalDiceAllowed));
        var waiting = await _alice.Callbacks.WaitForNotificationAsync<PromptWaitingInfo>(n => n.Prerequisite == tordekPrompt.Id);
        Assert.Equal(("Roll", _tordek, tordekPrompt.Prompt), (waiting.PromptKind, waiting.Fulfiller, waiting.Text));
        var mialeePrompt = Assert.Single(await _bob.Game.GetPrerequisitesAsync(_mialee));
        Assert.Equal(_mialee, mialeePrompt.Creature);
        Assert.False(mialeePrompt.PhysicalDiceAllowed);
        Assert.False(Assert.Single(await _bob.Game.SetPrerequisitesAsync([Answer(tordekPrompt)])).Accepted); // not his prompt
        Assert.True(Assert.Single(await _alice.Game.SetPrerequisitesAsync([Answer(tordekPrompt, physical: 20)])).Accepted);
        Assert.True(Assert.Single(await _gm.Master.AnswerPrerequisitesAsync([Answer(mialeePrompt)])).Accepted);
        Assert.True((await _gm.Master.AllowPhysicalDiceAsync("alice", false)).Accepted);

        var tracker = await _alice.Game.GetTurnTrackerAsync();
        Assert.True(tracker.InCombat);
        Assert.Equal(1, tracker.Round);
        Assert.Equal(21, Assert.Single(tracker.Order, e => e.Creature == _tordek).Initiative);
        Assert.Equal(new HashSet<Guid> { _tordek, _mialee, _goblin }, tracker.Order.Select(e => e.Creature).ToHashSet());
        // A player's dice log holds his own rolls only: Alice's physical 20, not the goblin's or Mialee's (the host's dice
        // are random here: a tie at 21 adds Alice's tie-break roll, also hers).
        var aliceRolls = await _alice.Game.GetDiceLogAsync(10);
        Assert.All(aliceRolls, r => Assert.Equal("alice", r.AskedBy));
        var aliceRoll = Assert.Single(aliceRolls, r => r.Purpose == "initiative");
        Assert.Equal(("initiative", 21, true, "alice"), (aliceRoll.Purpose, aliceRoll.Total, aliceRoll.Physical, aliceRoll.AskedBy));
        Assert.Equal(3, (await _gm.Game.GetDiceLogAsync(10)).Count(r => r.Purpose == "initiative"));

        // Whoever's turn it is acts; the master ends the goblin's turns. Two rounds at most.
        var acted = new HashSet<Guid>();
        for (var turn = 0; turn < 6 && acted.Count < 2; turn++)
        {
            var current = (await _gm.Game.GetTurnTrackerAsync()).Current ?? throw new InvalidOperationException("combat has no current turn");
            if (current == _tordek && acted.Add(current))
                await TordekAttacksAsync();
            else if (current == _mialee && acted.Add(current))
                await MialeeMovesAsync();
            else
                Assert.True((await _gm.Game.EndTurnAsync(current)).Accepted);
        }
        Assert.Equal(2, acted.Count);

        Assert.Equal("creature", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Game, () => _gm.Game.GetActionsAsync(Guid.NewGuid()))).Argument);
        Assert.Equal("creatures[0]", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Master, () => _gm.Master.AddCombatantsAsync([Guid.NewGuid()]))).Argument);
        Assert.Equal("creatures[0]", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Master, () => _gm.Master.DropCombatantsAsync([Guid.NewGuid()]))).Argument);
        Assert.True((await _gm.Master.AddCombatantsAsync([_orc])).Accepted);
        Assert.Contains((await _gm.Game.GetTurnTrackerAsync()).Order, e => e.Creature == _orc);
        Assert.True((await _gm.Master.DropCombatantsAsync([_orc])).Accepted);
        Assert.DoesNotContain((await _gm.Game.GetTurnTrackerAsync()).Order, e => e.Creature == _orc);

        Assert.True((await _gm.Master.StopCombatAsync()).Accepted);
        Assert.False((await _bob.Game.GetTurnTrackerAsync()).InCombat);
        await _bob.Callbacks.WaitForNotificationAsync<CombatChangedInfo>(n => !n.InCombat);
    }

    private async Task TordekAttacksAsync()
    {
        var actions = await _alice.Game.GetActionsAsync(_tordek);
        var attack = Assert.Single(actions, a => a.Key == "melee-attack");
        Assert.Contains(_goblin, Assert.Single(attack.Aiming).Candidates);
        Assert.Equal("GetActions", (await Expect.FaultAsync<AccessDeniedFault>(_bob.Game, () => _bob.Game.GetActionsAsync(_tordek))).Operation);

        var result = await _alice.Game.DoActionAsync(Activity(_tordek, "melee-attack", new TargetInfo { Key = "target", Creatures = [_goblin] }));
        Assert.True(result.Accepted, result.Error);
        var resolved = await _alice.Callbacks.WaitForNotificationAsync<AttackResolvedInfo>(n => n.Attacker == _tordek);
        Assert.Equal((_goblin, false), (resolved.Target, resolved.Opportunity));
        Assert.Equal([_tordek, _goblin], resolved.Entities);
        Assert.Equal(resolved.Hit, resolved.Damage > 0); // a waraxe hits for 1d10+2 at least 3
        Assert.Contains(await _gm.Game.GetDiceLogAsync(50), r => r.Purpose.StartsWith("attack: Tordek at Goblin 1", StringComparison.Ordinal));

        Assert.True((await _alice.Game.EndTurnAsync(_tordek)).Accepted);
        // Out of turn is the rules' answer, not a bad argument: refused with the reason, as every rule refusal is.
        Assert.False((await _alice.Game.EndTurnAsync(_tordek)).Accepted);
    }

    private async Task MialeeMovesAsync()
    {
        Assert.Contains(await _bob.Game.GetActionsAsync(_mialee), a => a.Key == "move");
        var refused = await _bob.Game.DoActionAsync(Activity(_mialee, "fly"));
        Assert.False(refused.Accepted);
        Assert.Contains("no action 'fly'", refused.Error);

        var result = await _bob.Game.DoActionAsync(Activity(_mialee, "move", new TargetInfo { Key = "path", Cells = [new PointInfo { X = 1, Y = 2 }] }));
        Assert.True(result.Accepted, result.Error);
        var moved = await _bob.Callbacks.WaitForNotificationAsync<CreatureMovedInfo>(n => n.Creature == _mialee);
        Assert.Equal(("CreatureMoved", 1, 2), (moved.Kind, moved.To.X, moved.To.Y));
        Assert.Equal((1, 2), ((await _bob.Game.GetCreatureAsync(_mialee)).X, (await _bob.Game.GetCreatureAsync(_mialee)).Y));
        Assert.True((await _bob.Game.EndTurnAsync(_mialee)).Accepted);
    }

    /// <summary>Bob's connection drops; a new login channel resumes his login (Resume) and the batches come to it.</summary>
    private async Task DropAndResumeAsync()
    {
        _bob.ReplaceLoginChannel();
        await _gm.Callbacks.WaitForNotificationAsync<SystemEventInfo>(n => n.What.StartsWith("bob dropped", StringComparison.Ordinal));
        var lastSerial = _bob.Callbacks.LastSerial;
        Assert.Equal("Resume", (await Expect.FaultAsync<AccessDeniedFault>(_bob.Login, () => _bob.Login.ResumeAsync("forged-ticket", lastSerial))).Operation);

        var resumed = await _bob.Login.ResumeAsync(_bob.Ticket.Ticket, lastSerial);
        Assert.Equal(("bob", _bob.Ticket.Ticket), (resumed.UserName, resumed.Ticket));
        Assert.True(resumed.Serial >= lastSerial);
        await _alice.Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.Everyone, Text = "Welcome back, Bob." });
        await _bob.Callbacks.WaitForNotificationAsync<ChatMessageInfo>(n => n.Text == "Welcome back, Bob.");
    }

    /// <summary>
    /// The master's tools during play: GetScenes, GetBestiary, PlaceCreature, MoveCreature, EditMap, SetPlayers, RequestCheck (a secret
    /// one, answered by bob), RollDice, RemoveCreature, each with a refusal; and the whole sheet in GetCreature.
    /// </summary>
    private async Task RunTheTableAsync()
    {
        var scene = Assert.Single(await _gm.Master.GetScenesAsync());
        Assert.True(scene.Opening);
        var goblinBlock = Assert.Single(await _gm.Master.GetBestiaryAsync(), m => m.Name == "Goblin");
        Assert.Equal(("Small", false), (goblinBlock.Size, goblinBlock.FromCampaign));
        var taken = (await _gm.Visualization.GetMasterViewAsync()).Creatures.Select(c => (c.X, c.Y)).ToHashSet();
        var (x, y) = new[] { (5, 1), (6, 1), (5, 2), (6, 2) }.First(cell => !taken.Contains(cell)); // floor of the hall
        Assert.Equal("placement.Monster", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Master,
            () => _gm.Master.PlaceCreatureAsync(new PlacementInfo { Monster = "goblin", X = x, Y = y }))).Argument);
        var placed = await _gm.Master.PlaceCreatureAsync(new PlacementInfo { Monster = "Goblin", Scene = scene.Id, X = x, Y = y, Name = "Snik" });
        await _gm.Callbacks.WaitForNotificationAsync<CreatureAppearedInfo>(n => n.Creature == placed.Id);
        Assert.True((await _gm.Master.MoveCreatureAsync(placed.Id, null, 15, 3)).Accepted);
        Assert.False((await _gm.Master.MoveCreatureAsync(placed.Id, null, 0, 0)).Accepted); // a wall
        Assert.True((await _gm.Master.EditMapAsync(null, [new CellEditInfo { X = 16, Y = 3, Terrain = TerrainType.Difficult }])).Accepted);
        await _gm.Callbacks.WaitForNotificationAsync<MapChangedInfo>(n => n.Cell.X == 16 && n.Cell.Y == 3);

        Assert.Equal("users[0]", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Master, () => _gm.Master.SetPlayersAsync(_mialee, ["nobody"]))).Argument);
        Assert.True((await _gm.Master.SetPlayersAsync(_mialee, ["alice", "bob"])).Accepted);
        Assert.Equal(["alice", "bob"], (await _alice.Callbacks.WaitForNotificationAsync<PlayersChangedInfo>(n => n.Creature == _mialee)).Players);
        Assert.Equal(["alice", "bob"], (await _bob.Game.GetCreatureAsync(_mialee)).Sheet!.Players);
        Assert.Null((await _alice.Game.GetCreatureAsync(_mialee)).Sheet); // she may play her, but bob does

        Assert.True((await _gm.Master.RequestCheckAsync(new CheckRequestInfo { Creature = _mialee, Type = CheckType.Save, Name = "will", Difficulty = 12, Secret = true })).Accepted);
        var check = Assert.Single(await _bob.Game.GetPrerequisitesAsync(_mialee));
        Assert.DoesNotContain("12", check.Prompt);
        Assert.True(Assert.Single(await _bob.Game.SetPrerequisitesAsync([Answer(check)])).Accepted);
        var outcome = await _gm.Callbacks.WaitForNotificationAsync<CheckResolvedInfo>(n => n.Creature == _mialee);
        Assert.Equal(("Will save", 12, true), (outcome.Check, outcome.Difficulty, outcome.Secret));

        Assert.Equal("expression", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Master, () => _gm.Master.RollDiceAsync("2d", null, false))).Argument);
        var roll = await _gm.Master.RollDiceAsync("2d6+3", "interop roll", false);
        Assert.InRange(roll.Total, 5, 15);
        Assert.Equal(roll.Total, (await _alice.Callbacks.WaitForNotificationAsync<DiceRolledInfo>(n => n.Purpose == "interop roll")).Total);

        Assert.True((await _gm.Master.RemoveCreatureAsync(placed.Id)).Accepted);
        await _gm.Callbacks.WaitForNotificationAsync<CreatureDisappearedInfo>(n => n.Creature == placed.Id);
        Assert.Equal("creature", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Master, () => _gm.Master.RemoveCreatureAsync(placed.Id))).Argument);
        Assert.True((await _gm.Master.SetPlayersAsync(_mialee, ["bob"])).Accepted);
        Assert.Equal("dwarven waraxe", Assert.Single((await _alice.Game.GetCreatureAsync(_tordek)).Sheet!.Attacks).Name);
    }

    /// <summary>SaveSnapshot, KickUser (OnSessionEnded on the kicked login), DisableUser, each with its refusal.</summary>
    private async Task UseTheMastersControlsAsync()
    {
        Assert.True((await _gm.Master.SaveSnapshotAsync("interop-scene")).Accepted);
        var status = await _gm.Master.GetHostStatusAsync();
        Assert.True(status.CanSave);
        Assert.EndsWith(".db", status.DataFile);
        Assert.True(File.Exists(Path.Combine(_host.Folder, "snapshots", "interop-scene.json")));
        Assert.Equal("name", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Master, () => _gm.Master.SaveSnapshotAsync("../escape"))).Argument);

        Assert.Equal("user", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Master, () => _gm.Master.KickUserAsync("nobody"))).Argument);
        Assert.True((await _gm.Master.KickUserAsync("bob")).Accepted);
        Assert.Equal("kicked by the game master", await _bob.Callbacks.WaitForSessionEndedAsync());
        Assert.Equal(CommunicationState.Closed, await _bob.LoginChannelEndedAsync());
        // Every channel the login bound is told, on its own callback contract, and closed in order.
        Assert.Equal("kicked by the game master", await _bob.Callbacks.WaitForSessionEndedAsync(nameof(IGameCallback)));
        Assert.Equal("kicked by the game master", await _bob.Callbacks.WaitForSessionEndedAsync(nameof(IVisualizationCallback)));
        Assert.Equal("kicked by the game master", await _bob.Callbacks.WaitForSessionEndedAsync(nameof(IMasterCallback)));
        Assert.Equal(CommunicationState.Closed, await StockSeat.ChannelEndedAsync(_bob.Game));
        Assert.Equal(CommunicationState.Closed, await StockSeat.ChannelEndedAsync(_bob.Master));

        Assert.Equal("user", (await Expect.FaultAsync<InvalidArgumentFault>(_gm.Master, () => _gm.Master.DisableUserAsync("gm", true))).Argument);
        Assert.True((await _gm.Master.DisableUserAsync("bob", true)).Accepted);
        var disabled = Seat("bob");
        Assert.Contains("disabled", (await Expect.FaultAsync<AccessDeniedFault>(disabled.Login, () => disabled.Login.LoginAsync("bob", Passwords["bob"]))).Reason);
        Assert.True((await _gm.Master.DisableUserAsync("bob", false)).Accepted);
        Assert.Equal("bob", (await disabled.LogInAsync(Passwords["bob"])).Ticket.UserName);
        Assert.False((await _gm.Login.GetUsersAsync()).Single(u => u.Name == "bob").IsDisabled);
    }

    /// <summary>
    /// CreatePlayer, GetInvite, RedeemCode, ResetPassword: the game master makes a player in play and hands out a one-time
    /// code and the invite; the player chooses a password with the code (once); a reset password stops working.
    /// </summary>
    private async Task HandOutPasswordsAsync()
    {
        var code = await _gm.Master.CreatePlayerAsync("erin");
        var invite = await _gm.Master.GetInviteAsync("erin");
        Assert.Equal(("erin", _host.Endpoint("login").Port, "/ikosa/"), (invite.UserName, invite.Port, invite.Path));
        Assert.Equal(_endpoints.Mode == SecurityMode.Transport ? "SHA256:" + _host.CertificateFingerprint : null, invite.Fingerprint);
        Assert.Contains("user=erin", invite.Link);

        var erin = Seat("erin");
        Assert.Equal("erin", (await erin.RedeemCodeAsync(code.Code, "erin-interop-secret")).Ticket.UserName);
        var used = Seat("erin");
        Assert.Contains("works once", (await Expect.FaultAsync<AccessDeniedFault>(used.Login, () => used.Login.RedeemCodeAsync("erin", code.Code, "erin-other-secret"))).Reason);
        Assert.Equal("newPassword", (await Expect.FaultAsync<InvalidArgumentFault>(used.Login, () => used.Login.RedeemCodeAsync("erin", code.Code, "short"))).Argument);

        var reset = await _gm.Master.ResetPasswordAsync("erin");
        Assert.NotEqual(code.Code, reset.Code);
        Assert.Contains("wrong user name or password", (await Expect.FaultAsync<AccessDeniedFault>(used.Login, () => used.Login.LoginAsync("erin", "erin-interop-secret"))).Reason);
    }

    /// <summary>
    /// Logout: the host ends the session with OnSessionEnded, closes the login channel in order (not a fault) and tells
    /// the others. The master quits by closing his channels gracefully.
    /// </summary>
    private async Task LogOutAsync()
    {
        await _alice.Login.LogoutAsync();
        Assert.Equal("logged out", await _alice.Callbacks.WaitForSessionEndedAsync());
        Assert.Equal(CommunicationState.Closed, await _alice.LoginChannelEndedAsync());
        await _gm.Callbacks.WaitForNotificationAsync<PresenceChangedInfo>(n => n.User == "alice" && !n.Online);
        Assert.False((await _gm.Login.GetUsersAsync()).Single(u => u.Name == "alice").IsOnline);
        Assert.All(_gm.Close(), state => Assert.Equal(CommunicationState.Closed, state));
    }

    private void AssertEveryOperationWasCalled()
    {
        var operations = SentActions.OperationsOf(typeof(ILoginService), typeof(IGameService), typeof(IVisualizationService), typeof(IMasterService));
        Assert.Equal(50, operations.Count);
        Assert.Empty(operations.Except(_endpoints.Sent.Actions));
    }

    /// <summary>Each login's batches came in commit order, each once (a resume may repeat what was in flight when the connection dropped).</summary>
    private void AssertBatchesArrivedInCommitOrder()
    {
        foreach (var seat in new[] { _gm, _alice, _bob })
        {
            var serials = seat.Callbacks.Batches.Select(b => b.Serial).ToList();
            Assert.NotEmpty(serials);
            Assert.Equal(serials.Order(), serials);
            if (seat != _bob)
                Assert.Equal(serials.Distinct(), serials);
        }
    }

    private StockSeat Seat(string user)
    {
        var seat = StockSeat.Open(_endpoints, user);
        _seats.Add(seat);
        return seat;
    }

    private static AnswerInfo Answer(PrerequisiteInfo prompt, int? physical = null) =>
        new() { Prerequisite = prompt.Id, Step = prompt.Step, Number = physical };

    private static ActivityInfo Activity(Guid creature, string action, params TargetInfo[] targets) =>
        new() { Creature = creature, ActionKey = action, Targets = targets.ToList() };
}
