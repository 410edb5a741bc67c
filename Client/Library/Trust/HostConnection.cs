using System.Net;
using Ikosa.Contracts;
using Ikosa.ServiceModel;

namespace Ikosa.Client.Library.Trust;

/// <summary>
/// How to connect to a host, secure by default, for every player app (terminal and graphical): an invite with a
/// fingerprint means TLS pinned to it; an address of another machine means TLS with trust on first use; plain net.tcp
/// only to this machine, or when the user accepted it explicitly.
/// </summary>
public static class HostConnection
{
    /// <summary>The connection an invite describes, on <paramref name="template"/>'s settings (binding limits, reconnection).</summary>
    /// <param name="allowPlain">the user accepts a host serving plain net.tcp on another machine (an invite without fingerprint)</param>
    /// <exception cref="HostTrustException">The invite is for plain net.tcp on another machine and <paramref name="allowPlain"/> is not set.</exception>
    public static IkosaClientOptions ForInvite(InviteLink invite, IkosaClientOptions template, KnownHosts knownHosts, bool allowPlain = false)
    {
        var baseAddress = invite.BaseAddress;
        if (invite.Fingerprint is null)
        {
            if (!allowPlain && !IsThisMachine(baseAddress))
                throw HostTrustException.Unencrypted(KnownHosts.KeyOf(invite.Host, invite.Port));
            return With(template, baseAddress, SecurityMode.None, trust: null);
        }
        return With(template, baseAddress, SecurityMode.Transport, new HostTrust(knownHosts, invite.Host, invite.Port, invite.Fingerprint));
    }

    /// <summary>
    /// The connection to a typed address: TLS with trust on first use (asking <paramref name="confirm"/>) for another
    /// machine, plain for this one, unless <paramref name="security"/> says otherwise.
    /// </summary>
    public static IkosaClientOptions ForAddress(Uri baseAddress, IkosaClientOptions template, KnownHosts knownHosts,
        Func<HostCertificate, Task<bool>>? confirm, SecurityMode? security = null)
    {
        var mode = security ?? (IsThisMachine(baseAddress) ? SecurityMode.None : SecurityMode.Transport);
        var host = baseAddress.HostNameType == UriHostNameType.IPv6 ? $"[{baseAddress.IdnHost}]" : baseAddress.Host;
        return With(template, baseAddress, mode, mode == SecurityMode.Transport ? new HostTrust(knownHosts, host, baseAddress.Port, confirm: confirm) : null);
    }

    /// <summary>True for localhost and loopback addresses: nothing sent there crosses a network.</summary>
    public static bool IsThisMachine(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.IdnHost, out var ip) && IPAddress.IsLoopback(ip));

    private static IkosaClientOptions With(IkosaClientOptions template, Uri baseAddress, SecurityMode mode, HostTrust? trust)
    {
        var binding = template.Binding.Clone();
        binding.Security.Mode = mode;
        return template with { BaseAddress = baseAddress, Binding = binding, Trust = trust, TrustedCertificateThumbprint = null };
    }
}
