using Ikosa.Contracts;
using Ikosa.Host.Game;
using Ikosa.Host.Network;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Configuration;
using Ikosa.ServiceModel.Description;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Ikosa.Host.Hosting;

/// <summary>
/// The four services over net.tcp. Everything about them comes from the <c>&lt;system.serviceModel&gt;</c> section through
/// the runtime (endpoints, bindings, throttles, fault detail, the TLS certificate; service names are the implementation
/// classes' full names); the <see cref="ListenPlan"/> then places them where the game master said and secures them
/// (TLS wherever other machines can connect). Authorization is a service behavior the services declare
/// (<see cref="Security.OperationAuthorizationAttribute"/>).
/// </summary>
public sealed class IkosaServer : IAsyncDisposable
{
    private readonly ServiceHost _host;

    private IkosaServer(ServiceHost host, GameHost game, Invitations invitations)
    {
        _host = host;
        Game = game;
        Invitations = invitations;
    }

    public GameHost Game { get; }

    public IEnumerable<ServiceEndpoint> Endpoints => _host.Endpoints;

    /// <summary>How players reach this host: the invites the host prints and the master asks for.</summary>
    public Invitations Invitations { get; }

    public Uri AddressOf<TContract>() => _host.Endpoints.First(e => e.Contract.ContractType == typeof(TContract)).Address;

    /// <summary>Builds the services from <paramref name="section"/>; <paramref name="port"/>, when given, replaces every endpoint's port (0 = a free one).</summary>
    /// <remarks>With a <paramref name="certificate"/>, every endpoint is served over TLS (SecurityMode.Transport) with it.</remarks>
    public static Task<IkosaServer> StartAsync(GameHost game, ServiceModelSection section, int? port, ILoggerFactory loggers,
        X509Certificate2? certificate = null, CancellationToken cancellationToken = default) =>
        StartAsync(game, section, ListenPlan.Create(section, new NetworkOptions { Port = port, Certificate = certificate }), loggers, cancellationToken: cancellationToken);

    /// <summary>Builds the services from <paramref name="section"/> and opens them where <paramref name="plan"/> says.</summary>
    /// <param name="network">what invites name when the host listens on every interface; discovered when not given</param>
    public static async Task<IkosaServer> StartAsync(GameHost game, ServiceModelSection section, ListenPlan plan, ILoggerFactory loggers,
        LocalNetwork? network = null, CancellationToken cancellationToken = default)
    {
        var host = new ServiceHost(loggers);
        var invitations = new Invitations(host, network ?? LocalNetwork.Discover());
        host.AddService(() => new LoginService(game));
        host.AddService(() => new GameService(game));
        host.AddService(() => new VisualizationService(game));
        host.AddService(() => new MasterService(game, invitations));
        host.ApplyConfiguration(section);
        plan.ApplyTo(host);
        ResolveNotifications(host, new NotificationResolver(game.NotificationContractTypes));
        await host.OpenAsync(cancellationToken).ConfigureAwait(false);
        return new IkosaServer(host, game, invitations);
    }

    /// <summary>Batches may carry the rule packages' notification contracts, beyond <see cref="BatchInfo"/>'s known types.</summary>
    private static void ResolveNotifications(ServiceHost host, NotificationResolver resolver)
    {
        foreach (var callback in host.Endpoints.Select(e => e.Contract).Distinct().SelectMany(c => c.CallbackOperations))
            callback.OperationBehaviors.Find<DataContractSerializerOperationBehavior>()!.DataContractResolver = resolver;
    }

    /// <summary>
    /// Graceful: every logged-in client is told the host is shutting down (a client that does not read is not waited
    /// for), then the host stops accepting, finishes calls in flight and ends sessions with End; the engine then closes
    /// the store.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await Game.EndAllSessionsAsync(GameHost.ShutdownReason).ConfigureAwait(false);
        await _host.CloseAsync().ConfigureAwait(false);
        await Game.DisposeAsync().ConfigureAwait(false);
    }
}
