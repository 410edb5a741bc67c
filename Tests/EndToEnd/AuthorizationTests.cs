using System.Reflection;
using System.Runtime.ExceptionServices;
using Ikosa.Client.Library;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Host.Security;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// Authorization is declared per operation ([Authorize] on the implementation) and enforced by the host's service
/// behavior for every operation of every contract: each refusal is an AccessDeniedFault naming the operation; a creature's
/// control is checked inside the operation's own transaction; an operation that declares nothing stops the host opening.
/// </summary>
public class AuthorizationTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;
    private static readonly Guid Mialee = EntityId.Named("sample:mialee").Value;

    public static TheoryData<Type, Type, string> Services => new()
    {
        { typeof(ILoginService), typeof(LoginService), "login" },
        { typeof(IGameService), typeof(GameService), "game" },
        { typeof(IVisualizationService), typeof(VisualizationService), "visualization" },
        { typeof(IMasterService), typeof(MasterService), "master" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_operation_but_the_open_ones_refuses_an_unbound_channel_naming_itself(Type contract, Type service, string path)
    {
        await using var game = await LoopbackGame.StartAsync();
        var channel = RawChannel(game, contract, path);
        var serial = game.Game.Serial;

        foreach (var (method, rule) in Operations(contract, service).Where(o => o.Rule.Access != Access.Anyone))
            await AssertDeniedAsync(channel, method, Tordek);

        Assert.Equal(serial, game.Game.Serial);
    }

    [Fact]
    public async Task Every_master_operation_refuses_a_player_naming_itself()
    {
        await using var game = await LoopbackGame.StartAsync();
        var bob = await game.LoginAsync("bob", Mialee);
        var channel = RawChannel(game, typeof(IMasterService), "master");
        await ((IMasterService)channel).BindAsync(bob.Client.Ticket!.Ticket);
        var serial = game.Game.Serial;

        var masterOnly = Operations(typeof(IMasterService), typeof(MasterService)).Where(o => o.Rule.Access == Access.Master).ToList();
        Assert.True(masterOnly.Count >= 11, "every master operation but Bind is master-only");
        foreach (var (method, _) in masterOnly)
            await AssertDeniedAsync(channel, method, Mialee);

        Assert.Equal(serial, game.Game.Serial);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_creature_operation_refuses_another_players_creature_naming_itself(Type contract, Type service, string path)
    {
        await using var game = await LoopbackGame.StartAsync();
        var alice = await game.LoginAsync("alice", Tordek);
        var bob = await game.LoginAsync("bob", Mialee);
        await alice.Client.Visualization.GetViewAsync(Tordek); // Tordek's view is cached now: a cached answer is still checked
        var channel = RawChannel(game, contract, path);
        if (contract.GetMethod("BindAsync") is { } bind)
            await (Task)bind.Invoke(channel, [bob.Client.Ticket!.Ticket])!;
        var serial = game.Game.Serial;

        foreach (var (method, _) in Operations(contract, service).Where(o => o.Rule.Access == Access.ControlsCreature))
            await AssertDeniedAsync(channel, method, Tordek);

        Assert.Equal(serial, game.Game.Serial);
    }

    [Fact]
    public async Task Who_may_call_is_checked_before_what_they_sent_so_a_malformed_call_by_someone_who_may_not_make_it_is_denied()
    {
        await using var game = await LoopbackGame.StartAsync();
        var alice = await game.LoginAsync("alice", Tordek);
        await game.LoginAsync("bob", Mialee);
        var master = (IMasterService)RawChannel(game, typeof(IMasterService), "master");
        await master.BindAsync(alice.Client.Ticket!.Ticket);
        var unbound = (IGameService)RawChannel(game, typeof(IGameService), "game");

        // Found by the service fuzz: these were InvalidArgumentFaults, telling a caller how to fix a call they may not make.
        await CharacterAccessTests.AssertDeniedAsync("StartCombat", () => master.StartCombatAsync(null!));
        await CharacterAccessTests.AssertDeniedAsync("KickUser", () => master.KickUserAsync(new string('x', 100_000)));
        await CharacterAccessTests.AssertDeniedAsync("SetPrerequisites", () => unbound.SetPrerequisitesAsync([null!]));
        await CharacterAccessTests.AssertDeniedAsync("DoAction",
            () => alice.Client.Game.DoActionAsync(new ActivityInfo { Creature = Mialee, ActionKey = "move", Targets = [null!] }));
        await CharacterAccessTests.AssertDeniedAsync("GetDiceLog", () => unbound.GetDiceLogAsync(-1));

        // Someone who may make the call is told what is wrong with it.
        var refused = await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(
            () => alice.Client.Game.DoActionAsync(new ActivityInfo { Creature = Tordek, ActionKey = "move", Targets = [null!] }));
        Assert.Equal("activity.Targets[0]", refused.Detail.Argument);
    }

    [Fact]
    public async Task Checking_control_of_a_creature_costs_no_second_trip_into_the_engine()
    {
        await using var game = await LoopbackGame.StartAsync();
        var alice = await game.LoginAsync("alice", Tordek);
        var bob = await game.LoginAsync("bob", Mialee);
        long Reads() => game.Game.Engine.Gate.Metrics.Snapshot().Reads.Count;

        var before = Reads();
        Assert.NotEmpty(await alice.Client.Game.GetActionsAsync(Tordek));
        Assert.Equal(1, Reads() - before); // the check ran in the operation's own read

        before = Reads();
        await CharacterAccessTests.AssertDeniedAsync("GetActions", () => bob.Client.Game.GetActionsAsync(Tordek));
        Assert.Equal(1, Reads() - before);
    }

    [Fact]
    public async Task A_service_operation_without_Authorize_is_refused_when_the_host_opens()
    {
        var host = new ServiceHost((Microsoft.Extensions.Logging.ILoggerFactory?)null, new Uri("net.tcp://127.0.0.1:0/"));
        host.AddService(() => new UnguardedVisualizationService());
        host.AddServiceEndpoint(typeof(IVisualizationService), new NetTcpBinding(), "visualization");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.OpenAsync());

        Assert.Equal("UnguardedVisualizationService.GetImageAsync declares no [Authorize]: every operation must say who may call it.", error.Message);
        Assert.NotEqual(CommunicationState.Opened, host.State);
    }

    [Fact]
    public async Task An_authorized_operation_whose_contract_declares_no_AccessDeniedFault_is_refused_when_the_host_opens()
    {
        var host = new ServiceHost((Microsoft.Extensions.Logging.ILoggerFactory?)null, new Uri("net.tcp://127.0.0.1:0/"));
        host.AddService(() => new UndeclaredService());
        host.AddServiceEndpoint(typeof(IUndeclaredRefusals), new NetTcpBinding(), "undeclared");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.OpenAsync());

        Assert.StartsWith("IUndeclaredRefusals.Peek may be refused ([Authorize(LoggedIn)]) but declares no [FaultContract(typeof(AccessDeniedFault))]", error.Message);
    }

    /// <summary>The contract's operations with the rule their implementation declares.</summary>
    private static IEnumerable<(MethodInfo Method, AuthorizeAttribute Rule)> Operations(Type contract, Type service)
    {
        var map = service.GetInterfaceMap(contract);
        return map.InterfaceMethods.Select((method, i) => (method, map.TargetMethods[i].GetCustomAttribute<AuthorizeAttribute>()!));
    }

    /// <summary>Calls <paramref name="method"/> with well-formed arguments naming <paramref name="creature"/>; it must be refused, naming itself.</summary>
    private static async Task AssertDeniedAsync(object channel, MethodInfo method, Guid creature)
    {
        var arguments = method.GetParameters().Select(p => WellFormed(p.ParameterType, creature)).ToArray();
        var error = await Record.ExceptionAsync(() => CallAsync(channel, method, arguments));
        var denied = Assert.IsType<FaultException<AccessDeniedFault>>(error);
        Assert.Equal(OperationName(method), denied.Detail.Operation);
    }

    private static string OperationName(MethodInfo method) =>
        method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^"Async".Length] : method.Name;

    private static async Task CallAsync(object channel, MethodInfo method, object?[] arguments)
    {
        object? returned;
        try
        {
            returned = method.Invoke(channel, arguments);
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(error.InnerException).Throw();
            throw;
        }
        if (returned is Task task)
            await task;
    }

    private static object? WellFormed(Type type, Guid creature) => type switch
    {
        _ when type == typeof(string) => "someone",
        _ when type == typeof(Guid) || type == typeof(Guid?) => creature,
        _ when type == typeof(List<Guid>) => new List<Guid> { creature },
        _ when type == typeof(ActivityInfo) => new ActivityInfo { Creature = creature, ActionKey = "move" },
        _ when type == typeof(CreatureEditInfo) => new CreatureEditInfo { Id = creature },
        _ when type == typeof(ChatInfo) => new ChatInfo { Text = "hello" },
        _ when type == typeof(int) || type == typeof(long) => Convert.ChangeType(1, type),
        _ when type.IsValueType => Activator.CreateInstance(type),
        _ => Activator.CreateInstance(type),
    };

    private static object RawChannel(LoopbackGame game, Type contract, string path)
    {
        var factoryType = typeof(DuplexChannelFactory<>).MakeGenericType(contract);
        var factory = Activator.CreateInstance(factoryType, new NoCallbacks(), new IkosaClientOptions { BaseAddress = game.BaseAddress }.Binding,
            new EndpointAddress(new Uri(game.BaseAddress, path)))!;
        return factoryType.GetMethod("CreateChannel", Type.EmptyTypes)!.Invoke(factory, null)!;
    }

    /// <summary>A service whose GetImage forgot to say who may call it.</summary>
    private sealed class UnguardedVisualizationService() : BoundService(null!), IVisualizationService
    {
        [Authorize(Access.Anyone)]
        public Task BindAsync(string ticket) => throw new NotSupportedException();

        [Authorize(Access.Master)]
        public Task<ViewInfo> GetMasterViewAsync() => throw new NotSupportedException();

        [Authorize(Access.ControlsCreature, Creature = "creature")]
        public Task<ViewInfo> GetViewAsync(Guid creature) => throw new NotSupportedException();

        [Authorize(Access.ControlsCreature, Creature = "creature")]
        public Task<ViewInfo> GetViewUpdateAsync(Guid creature, long knownCells) => throw new NotSupportedException();

        [Authorize(Access.Master)]
        public Task<ViewInfo> GetMasterViewUpdateAsync(Guid? scene, long knownCells, long knownTokens) => throw new NotSupportedException();

        public Task<ImageInfo> GetImageAsync(string name) => throw new NotSupportedException();
    }

    private sealed class UndeclaredService() : BoundService(null!), IUndeclaredRefusals
    {
        [Authorize(Access.LoggedIn)]
        public int Peek() => throw new NotSupportedException();
    }
}

[ServiceContract]
public interface IUndeclaredRefusals
{
    [OperationContract]
    int Peek();
}
