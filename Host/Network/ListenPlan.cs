using System.Security.Cryptography.X509Certificates;
using Ikosa.Host.Startup;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Configuration;

namespace Ikosa.Host.Network;

/// <summary>
/// Where each configured endpoint listens and how it is secured, decided before anything starts. Every configured
/// endpoint is offered at every listen address (same path). Secure by default: an address other machines can reach is
/// served over TLS unless the game master said <c>--insecure</c>; loopback stays as configured (plain as shipped); with
/// the game master's <c>--certificate</c> every endpoint is TLS. A TLS endpoint whose service has no certificate of the
/// game master's (<c>--certificate</c>, or serviceCertificate in the configuration) uses the host's own
/// (<see cref="OwnCertificate"/>).
/// </summary>
public sealed record ListenPlan
{
    private readonly ServiceModelSection _section;

    private ListenPlan(ServiceModelSection section, NetworkOptions options)
    {
        _section = section;
        Options = options;
    }

    public NetworkOptions Options { get; }

    /// <summary>The host's own certificate, for TLS endpoints without one of the game master's; see <see cref="NeedsOwnCertificate"/>.</summary>
    public X509Certificate2? OwnCertificate { get; init; }

    /// <exception cref="HostStartException">The options contradict each other.</exception>
    public static ListenPlan Create(ServiceModelSection section, NetworkOptions options)
    {
        if (options.Insecure && options.Certificate is not null)
            throw new HostStartException("--insecure and --certificate contradict each other: leave out --insecure to serve TLS with your certificate.");
        if (options.InsecurePasswords && !options.Insecure)
            throw new HostStartException("--insecure-passwords goes with --insecure: over TLS passwords are safe already.");
        // Port 0 picks a free port for each address: no two of them meet.
        var ports = options.Listen.GroupBy(listen => listen.Port ?? options.Port).Where(p => p.Key != 0);
        foreach (var port in ports.Where(p => p.Count() > 1 && p.Any(listen => listen.IsEveryInterface)))
            throw new HostStartException($"Cannot listen on {string.Join(" and ", port)}: {port.First(l => l.IsEveryInterface)} is every address already; give it alone, or list the addresses one by one.");
        return new ListenPlan(section, options with { Listen = options.Listen.Distinct().ToList() });
    }

    /// <summary>Every address the host will listen on (for the port check).</summary>
    public IEnumerable<Uri> Addresses =>
        _section.Services.SelectMany(s => s.Endpoints).SelectMany(e => Expand(e.ResolvedAddress)).Select(at => at.Address);

    /// <summary>True when some TLS endpoint has no certificate of the game master's: the host must bring its own.</summary>
    public bool NeedsOwnCertificate => Options.Certificate is null && _section.Services.Any(service =>
        service.ResolvedBehavior?.ServiceCertificate is null &&
        service.Endpoints.Any(e => Expand(e.ResolvedAddress).Any(at => ModeAt(at.Listen, e.ResolvedBinding.Security.Mode) == SecurityMode.Transport)));

    /// <summary>True when some address other machines can reach is served in plain net.tcp (<c>--insecure</c>).</summary>
    public bool ServesPlainToOthers => _section.Services.SelectMany(s => s.Endpoints)
        .Any(e => Expand(e.ResolvedAddress).Any(at => !at.Listen.IsLoopback && ModeAt(at.Listen, e.ResolvedBinding.Security.Mode) == SecurityMode.None));

    /// <summary>
    /// Moves the endpoints <paramref name="host"/> got from the configuration to the listen addresses (one endpoint per
    /// address), sets their security, and gives TLS services their certificate.
    /// </summary>
    public void ApplyTo(ServiceHost host)
    {
        foreach (var service in host.Services)
        {
            foreach (var configured in service.Endpoints.ToList())
            {
                var addresses = Expand(configured.Address).ToList();
                var configuredMode = configured.Binding.Security.Mode;
                var binding = configured.Binding.Clone();
                for (var i = 0; i < addresses.Count; i++)
                {
                    var endpoint = i == 0 ? configured : service.AddServiceEndpoint(configured.Contract.ContractType, binding.Clone(), addresses[i].Address.AbsoluteUri);
                    endpoint.Address = addresses[i].Address;
                    endpoint.Binding.Security.Mode = ModeAt(addresses[i].Listen, configuredMode);
                }
            }
            if (Options.Certificate is { } certificate)
                service.ServiceCertificate = certificate;
            else if (service.ServiceCertificate is null && service.Endpoints.Any(e => e.Binding.Security.Mode == SecurityMode.Transport))
                service.ServiceCertificate = OwnCertificate;
        }
    }

    private IEnumerable<(Uri Address, ListenAddress Listen)> Expand(Uri configured)
    {
        if (Options.Listen.Count == 0)
        {
            var address = Options.Port is { } port ? new UriBuilder(configured) { Port = port }.Uri : configured;
            return [(address, ListenAddress.Of(address))];
        }
        return Options.Listen.Select(listen => (listen.Apply(configured, Options.Port), listen));
    }

    private SecurityMode ModeAt(ListenAddress listen, SecurityMode configured) =>
        Options.Certificate is not null ? SecurityMode.Transport
        : listen.IsLoopback ? configured
        : Options.Insecure ? SecurityMode.None
        : SecurityMode.Transport;
}
