using Ikosa.Contracts;
using Ikosa.Host.Game;
using Ikosa.Host.Security;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Configuration;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Ikosa.Host.Hosting;

/// <summary>
/// The four services over net.tcp on one port, each instance behind the authorization proxy. Endpoints come from the
/// <c>&lt;system.serviceModel&gt;</c> section (service names are the implementation class names).
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
        var listen = new ListenSettings(port, certificate);
        Register<LoginService, ILoginService>(host, section, listen, () => new LoginService(game));
        Register<GameService, IGameService>(host, section, listen, () => new GameService(game));
        Register<VisualizationService, IVisualizationService>(host, section, listen, () => new VisualizationService(game));
        Register<MasterService, IMasterService>(host, section, listen, () => new MasterService(game));
        await host.OpenAsync(cancellationToken).ConfigureAwait(false);
        return new IkosaServer(host, game);
    }

    /// <summary>The addresses the host will listen on: every configured endpoint, with <paramref name="port"/> in place of its port when given.</summary>
    public static IEnumerable<Uri> ListenAddresses(ServiceModelSection section, int? port) =>
        section.Services.SelectMany(s => s.Endpoints).Select(e => WithPort(e.ResolvedAddress, port));

    private static Uri WithPort(Uri address, int? port) => port is { } p ? new UriBuilder(address) { Port = p }.Uri : address;

    private sealed record ListenSettings(int? Port, X509Certificate2? Certificate);

    private static void Register<TService, TContract>(ServiceHost host, ServiceModelSection section, ListenSettings listen, Func<TService> create)
        where TService : BoundService, TContract where TContract : class
    {
        var config = section.FindService(typeof(TService).FullName!) ?? section.FindService(typeof(TService).Name)
            ?? throw new InvalidOperationException($"app.config has no <service name=\"{typeof(TService).FullName}\">; add one with an endpoint for {typeof(TContract).Name}.");
        var registration = host.AddService(() => AuthorizingProxy<TContract>.Create(create()));
        if (config.ResolvedBehavior is { } behavior)
        {
            registration.Behavior.IncludeExceptionDetailInFaults = behavior.IncludeExceptionDetailInFaults;
            registration.Behavior.MaxConcurrentSessions = behavior.MaxConcurrentSessions ?? int.MaxValue;
            registration.Behavior.MaxConcurrentCalls = behavior.MaxConcurrentCalls ?? int.MaxValue;
        }
        if (listen.Certificate is { } certificate)
            registration.ServiceCertificate = certificate;
        foreach (var endpoint in config.Endpoints)
        {
            var address = WithPort(endpoint.ResolvedAddress, listen.Port);
            var binding = endpoint.ResolvedBinding;
            if (listen.Certificate is not null)
            {
                binding = binding.Clone();
                binding.Security.Mode = SecurityMode.Transport;
            }
            registration.AddServiceEndpoint(typeof(TContract), binding, address.AbsoluteUri);
        }
    }

    /// <summary>Graceful: stop accepting, finish calls in flight, end sessions with End; the engine then closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.CloseAsync().ConfigureAwait(false);
        await Game.DisposeAsync().ConfigureAwait(false);
    }
}
