using Ikosa.Contracts;
using Ikosa.ServiceModel;

namespace Ikosa.Host.Network;

/// <summary>
/// The invites of this host: where a player on another machine connects, and the fingerprint of the certificate it
/// presents there. The login endpoint chosen is one other machines can reach when there is one — a given address first,
/// then every interface (named by the machine's preferred address) — else the loopback one, good on this machine only.
/// Read from the open host, so a port of 0 is the bound one.
/// </summary>
public sealed class Invitations(ServiceHost host, LocalNetwork network)
{
    public InviteInfo For(string user)
    {
        var (baseAddress, fingerprint) = Where();
        var link = InviteLink.For(baseAddress, fingerprint, user);
        return new InviteInfo
        {
            UserName = user,
            Host = link.Host,
            Port = link.Port,
            Path = link.Path,
            Fingerprint = fingerprint?.ToString(),
            Link = link.ToString(),
        };
    }

    /// <summary>True when the invites name an address other machines can reach.</summary>
    public bool ReachableFromOthers => !ListenAddress.Of(LoginEndpoint().Address).IsLoopback;

    private (Uri BaseAddress, CertificateFingerprint? Fingerprint) Where()
    {
        var login = LoginEndpoint();
        var listen = ListenAddress.Of(login.Address);
        var baseAddress = new Uri(login.Address, ".");
        if (listen.IsEveryInterface)
            baseAddress = new UriBuilder(baseAddress) { Host = network.PreferredHost() }.Uri;
        var fingerprint = login.Binding.Security.Mode == SecurityMode.Transport && login.Service.ServiceCertificate is { } certificate
            ? CertificateFingerprint.Of(certificate)
            : null;
        return (baseAddress, fingerprint);
    }

    private ServiceEndpoint LoginEndpoint()
    {
        var logins = host.Endpoints.Where(e => e.Contract.ContractType == typeof(ILoginService)).ToList();
        return logins.FirstOrDefault(e => ListenAddress.Of(e.Address) is { IsLoopback: false, IsEveryInterface: false })
            ?? logins.FirstOrDefault(e => !ListenAddress.Of(e.Address).IsLoopback)
            ?? logins.First();
    }
}
