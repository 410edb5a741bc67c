using Ikosa.Contracts;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Description;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>
/// A user's login over bare channels, one per service contract the host serves: the login channel logs in, every other
/// binds with the ticket (its contract's BindAsync). No client library in between, so nothing reconnects or hides a
/// faulted channel: what the fuzz sees is what the host did.
/// </summary>
public sealed class FuzzCaller : IAsyncDisposable
{
    private FuzzCaller(string user, bool isMaster, string ticket, IReadOnlyDictionary<Type, object> channels)
    {
        User = user;
        IsMaster = isMaster;
        Ticket = ticket;
        Channels = channels;
    }

    public string User { get; }

    public bool IsMaster { get; }

    public string Ticket { get; }

    /// <summary>The channel of each service contract, bound to this login.</summary>
    public IReadOnlyDictionary<Type, object> Channels { get; }

    public ILoginService Login => (ILoginService)Channels[typeof(ILoginService)];

    /// <summary>The service contracts of Ikosa.Contracts (not their callback contracts).</summary>
    public static IReadOnlyList<Type> Contracts { get; } = typeof(ILoginService).Assembly.GetTypes()
        .Where(t => t.IsInterface && t.IsDefined(typeof(ServiceContractAttribute), inherit: false))
        .Where(t => ContractDescription.GetContract(t).CallbackContractType is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>Logs <paramref name="user"/> in, binds a channel of every other contract and takes <paramref name="characters"/>.</summary>
    public static async Task<FuzzCaller> LoginAsync(LoopbackGame game, string user, params Guid[] characters)
    {
        var channels = Contracts.ToDictionary(c => c, c => Open(game, c));
        var ticket = await ((ILoginService)channels[typeof(ILoginService)]).LoginAsync(user, LoopbackGame.PasswordOf(user));
        foreach (var (contract, channel) in channels.Where(c => c.Key != typeof(ILoginService)))
        {
            var bind = contract.GetMethod("BindAsync", [typeof(string)])
                ?? throw new InvalidOperationException($"{contract.Name} has no BindAsync(ticket): the fuzz does not know how to bind its channel");
            await (Task)bind.Invoke(channel, [ticket.Ticket])!;
        }
        var caller = new FuzzCaller(user, ticket.IsMaster, ticket.Ticket, channels);
        if (characters.Length > 0)
            await caller.Login.SelectCharactersAsync([.. characters], []);
        return caller;
    }

    /// <summary>The channels that are no longer open.</summary>
    public IEnumerable<string> Broken() =>
        Channels.Where(c => ((ICommunicationObject)c.Value).State != CommunicationState.Opened)
            .Select(c => $"the {c.Key.Name} channel is {((ICommunicationObject)c.Value).State}");

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in Channels.Values.Cast<ICommunicationObject>())
        {
            if (channel.State == CommunicationState.Opened)
            {
                try
                {
                    await channel.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
                    continue;
                }
                catch (Exception error) when (error is CommunicationException or TimeoutException)
                {
                }
            }
            channel.Abort();
        }
    }

    private static object Open(LoopbackGame game, Type contract)
    {
        var address = (Uri)typeof(Ikosa.Host.Hosting.IkosaServer).GetMethod(nameof(Ikosa.Host.Hosting.IkosaServer.AddressOf))!
            .MakeGenericMethod(contract).Invoke(game.Server, null)!;
        var factoryType = typeof(DuplexChannelFactory<>).MakeGenericType(contract);
        var factory = Activator.CreateInstance(factoryType, new NoCallbacks(), LoopbackGame.HostLimits(), new EndpointAddress(address))!;
        return factoryType.GetMethod("CreateChannel", Type.EmptyTypes)!.Invoke(factory, null)!;
    }
}
