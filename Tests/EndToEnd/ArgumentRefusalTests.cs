using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Host.Security;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// Null or nonsense for an argument (a null object or list, a list of nulls, huge strings, negative counts, unknown ids)
/// gets the declared InvalidArgumentFault naming the argument, changes nothing, and leaves the session working: never an
/// InternalServiceFault and an aborted session.
/// </summary>
public class ArgumentRefusalTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;
    private static readonly Guid Mialee = EntityId.Named("sample:mialee").Value;
    private static readonly Guid Nobody = Guid.NewGuid();

    [Fact]
    public async Task Nulls_and_nonsense_are_refused_naming_the_argument_and_every_session_keeps_working()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var alice = await game.LoginAsync("alice", Tordek);
        var master = gm.Client.Master!;
        var serial = game.Game.Serial;

        await RefusedAsync("activity", () => alice.Client.Game.DoActionAsync(null!));
        await RefusedAsync("activity.Targets", () => alice.Client.Game.DoActionAsync(new ActivityInfo { Creature = Tordek, ActionKey = "move", Targets = null! }));
        await RefusedAsync("activity.Targets[0]", () => alice.Client.Game.DoActionAsync(new ActivityInfo { Creature = Tordek, ActionKey = "move", Targets = [null!] }));
        await RefusedAsync("activity.ActionKey", () => alice.Client.Game.DoActionAsync(new ActivityInfo { Creature = Tordek, ActionKey = new string('m', 5000) }));
        await RefusedAsync("answers", () => alice.Client.Game.SetPrerequisitesAsync(null!));
        await RefusedAsync("answers[1]", () => alice.Client.Game.SetPrerequisitesAsync([new AnswerInfo(), null!]));
        await RefusedAsync("count", () => alice.Client.Game.GetDiceLogAsync(-1));
        await RefusedAsync("take", () => alice.Client.Login.SelectCharactersAsync(null!, []));
        await RefusedAsync("chat", () => alice.Client.Login.SendChatAsync(null!));
        await RefusedAsync("chat.Text", () => alice.Client.Login.SendChatAsync(new ChatInfo { Text = new string('x', 2001) }));
        await RefusedAsync("creatures", () => master.StartCombatAsync(null!));
        await RefusedAsync("edit", () => master.EditCreatureAsync(null!));
        await RefusedAsync("edit.Name", () => master.EditCreatureAsync(new CreatureEditInfo { Id = Tordek, Name = new string('n', 100_000) }));
        await RefusedAsync("user", () => master.KickUserAsync(null!));
        await RefusedAsync("name", () => gm.Client.Visualization.GetImageAsync(null!));

        Assert.Equal(serial, game.Game.Serial);
        Assert.NotEmpty(await alice.Client.Game.GetActionsAsync(Tordek));
        Assert.NotNull(await master.StopCombatAsync());
        Assert.NotEmpty((await gm.Client.Visualization.GetMasterViewAsync()).Creatures);
    }

    [Fact]
    public async Task Unknown_ids_are_refused_naming_the_argument_where_the_operation_declares_InvalidArgumentFault()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var alice = await game.LoginAsync("alice", Tordek);
        var master = gm.Client.Master!;
        game.Dice.Enqueue(10, 10);
        Assert.True((await master.StartCombatAsync([Tordek, Mialee])).Accepted);
        var serial = game.Game.Serial;

        await RefusedAsync("creatures[1]", () => master.StartCombatAsync([Tordek, Nobody]));
        await RefusedAsync("creatures[0]", () => master.AddCombatantsAsync([Guid.Empty]));
        await RefusedAsync("creatures[0]", () => master.DropCombatantsAsync([Nobody]));
        await RefusedAsync("creature", () => gm.Client.Game.EndTurnAsync(Nobody));
        await RefusedAsync("creature", () => gm.Client.Game.GetActionsAsync(Guid.Empty));
        await RefusedAsync("creature", () => gm.Client.Game.GetPrerequisitesAsync(Nobody));
        await RefusedAsync("activity.Creature", () => gm.Client.Game.DoActionAsync(new ActivityInfo { Creature = Nobody, ActionKey = "move" }));
        await RefusedAsync("creature", () => gm.Client.Game.GetCreatureAsync(Nobody));
        await RefusedAsync("creature", () => gm.Client.Visualization.GetViewAsync(Nobody));
        await RefusedAsync("edit.Id", () => master.EditCreatureAsync(new CreatureEditInfo { Id = Nobody }));
        await RefusedAsync("take[0]", () => alice.Client.Login.SelectCharactersAsync([Nobody], []));
        await RefusedAsync("user", () => master.AllowPhysicalDiceAsync("nobody", true));

        Assert.Equal(serial, game.Game.Serial);
        Assert.True((await master.StopCombatAsync()).Accepted); // the master's session still works
    }

    [Fact]
    public async Task A_master_kicking_himself_is_refused_like_disabling_himself_and_his_login_goes_on()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var master = gm.Client.Master!;
        var serial = game.Game.Serial;

        // Found by the service fuzz: KickUser("gm") from gm ended his own login, closing the channel he had called on.
        await RefusedAsync("user", () => master.KickUserAsync("gm"));
        await RefusedAsync("user", () => master.KickUserAsync("GM"));
        await RefusedAsync("user", () => master.DisableUserAsync("gm", true));

        Assert.Equal(serial, game.Game.Serial);
        Assert.NotNull(await master.GetHostStatusAsync());
        Assert.Contains(await gm.Client.Login.GetUsersAsync(), u => u is { Name: "gm", IsOnline: true });
    }

    [Fact]
    public async Task A_player_naming_a_creature_that_does_not_exist_is_denied_as_for_any_creature_not_theirs()
    {
        await using var game = await LoopbackGame.StartAsync();
        var alice = await game.LoginAsync("alice", Tordek);

        // Refusing "no such creature" would tell a player which ids exist; a player may only act for their own.
        await CharacterAccessTests.AssertDeniedAsync("GetActions", () => alice.Client.Game.GetActionsAsync(Nobody));
        await CharacterAccessTests.AssertDeniedAsync("EndTurn", () => alice.Client.Game.EndTurnAsync(Nobody));
    }

    [Fact]
    public async Task An_operation_taking_arguments_it_may_refuse_without_declaring_InvalidArgumentFault_stops_the_host_opening()
    {
        var host = new ServiceHost((Microsoft.Extensions.Logging.ILoggerFactory?)null, new Uri("net.tcp://127.0.0.1:0/"));
        host.AddService(() => new UndeclaredArgumentsService());
        host.AddServiceEndpoint(typeof(IUndeclaredArgumentRefusals), new NetTcpBinding(), "undeclared");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.OpenAsync());

        Assert.StartsWith("IUndeclaredArgumentRefusals.Greet takes arguments that may be refused but declares no [FaultContract(typeof(InvalidArgumentFault))]", error.Message);
    }

    private static async Task RefusedAsync(string argument, Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(call);
        Assert.Equal(argument, refused.Detail.Argument);
        Assert.False(string.IsNullOrEmpty(refused.Detail.Reason));
    }

    private sealed class UndeclaredArgumentsService() : BoundService(null!), IUndeclaredArgumentRefusals
    {
        [Authorize(Access.Anyone)]
        public Task GreetAsync(string name) => Task.CompletedTask;
    }
}

[ServiceContract]
public interface IUndeclaredArgumentRefusals
{
    [OperationContract]
    Task GreetAsync(string name);
}
