using Ikosa.Contracts;
using Ikosa.Host.Game;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Configuration;
using Ikosa.ServiceModel.Description;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Ikosa.Host.Hosting;

/// <summary>
/// The four services over net.tcp on one port. Everything about them comes from the <c>&lt;system.serviceModel&gt;</c>
/// section through the runtime (endpoints, bindings, throttles, fault detail, the TLS certificate; service names are the
/// implementation classes' full names); the command line may override the port and the certificate. Authorization is a
/// service behavior the services declare (<see cref="Security.OperationAuthorizationAttribute"/>).
/// </summary>
public sealed class IkosaServer : IAsyncDisposable
{
    private readonly ServiceHost _host;

    private IkosaServer(ServiceHost host, GameHost game)
    {
        _host = host;
        Game = game;
    }

    public GameHost Game { get; }

    public IEnumerable<ServiceEndpoint> Endpoints => _host.Endpoints;

    public Uri AddressOf<TContract>() => _host.Endpoints.First(e => e.Contract.ContractType == typeof(TContract)).Address;

    /// <summary>Builds the services from <paramref name="section"/>; <paramref name="port"/>, when given, replaces every endpoint's port (0 = a free one).</summary>
    /// <remarks>With a <paramref name="certificate"/>, every endpoint is served over TLS (SecurityMode.Transport) with it.</remarks>
    public static async Task<IkosaServer> StartAsync(GameHost game, ServiceModelSection section, int? port, ILoggerFactory loggers,
        X509Certificate2? certificate = null, CancellationToken cancellationToken = default)
    {
        var host = new ServiceHost(loggers);
        host.AddService(() => new LoginService(game));
        host.AddService(() => new GameService(game));
        host.AddService(() => new VisualizationService(game));
        host.AddService(() => new MasterService(game));
        host.ApplyConfiguration(section);
        foreach (var endpoint in host.Endpoints)
        {
            endpoint.Address = WithPort(endpoint.Address, port);
            if (certificate is not null)
                endpoint.Binding.Security.Mode = SecurityMode.Transport;
        }
        if (certificate is not null)
            foreach (var service in host.Services)
                service.ServiceCertificate = certificate;
        ResolveNotifications(host, new NotificationResolver(game.NotificationContractTypes));
        await host.OpenAsync(cancellationToken).ConfigureAwait(false);
        return new IkosaServer(host, game);
    }

    /// <summary>Batches may carry the rule packages' notification contracts, beyond <see cref="BatchInfo"/>'s known types.</summary>
    private static void ResolveNotifications(ServiceHost host, NotificationResolver resolver)
    {
        foreach (var callback in host.Endpoints.Select(e => e.Contract).Distinct().SelectMany(c => c.CallbackOperations))
            callback.OperationBehaviors.Find<DataContractSerializerOperationBehavior>()!.DataContractResolver = resolver;
    }

    /// <summary>The addresses the host will listen on: every configured endpoint, with <paramref name="port"/> in place of its port when given.</summary>
    public static IEnumerable<Uri> ListenAddresses(ServiceModelSection section, int? port) =>
        section.Services.SelectMany(s => s.Endpoints).Select(e => WithPort(e.ResolvedAddress, port));

    private static Uri WithPort(Uri address, int? port) => port is { } p ? new UriBuilder(address) { Port = p }.Uri : address;

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
