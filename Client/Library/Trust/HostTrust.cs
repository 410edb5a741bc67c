using Ikosa.Contracts;
using Ikosa.ServiceModel.Security;

namespace Ikosa.Client.Library.Trust;

/// <summary>
/// Trust on first use, as SSH does it, for one host: the certificate trusted for it before (<see cref="KnownHosts"/>)
/// is the only one accepted; else the one an invite names, remembered once the host has shown it holds it; else the user
/// is shown the certificate and asked (<paramref name="confirm"/>), and it is remembered if they accept. Any other
/// certificate is refused — naming both fingerprints — before anything is sent, so a password never reaches a host
/// that is not the trusted one. The pinned certificate is the host's identity: its names need not match the address.
/// </summary>
/// <param name="confirm">asks the user whether to trust a host seen for the first time; null: nobody to ask (refused)</param>
public sealed class HostTrust(KnownHosts knownHosts, string host, int port, CertificateFingerprint? invited = null,
    Func<HostCertificate, Task<bool>>? confirm = null)
{
    private CertificateFingerprint? _accepted;

    /// <summary>HOST:PORT, as the known-hosts file names it.</summary>
    public string Key { get; } = KnownHosts.KeyOf(host, port);

    /// <summary>The fingerprint the connection is pinned to: the trusted one, else the invite's; null: decide when seen.</summary>
    internal CertificateFingerprint? Pin => _accepted ?? Known() ?? invited;

    /// <summary>Before connecting: an invite naming another certificate than the trusted one is refused without a connection.</summary>
    internal void CheckBeforeConnecting()
    {
        if (_accepted is null && invited is not null && Known() is { } trusted && trusted != invited)
            throw HostTrustException.Changed(Key, trusted, invited, knownHosts.Path, "your invite names");
    }

    /// <summary>
    /// The host's certificate was refused in the TLS handshake. Returns once the user accepted it (connect again: it is
    /// pinned and remembered now); throws <see cref="HostTrustException"/> otherwise.
    /// </summary>
    /// <returns>false when the refusal was not about the certificate's identity (the caller rethrows it).</returns>
    internal async Task<bool> AcceptRefusedAsync(SecurityNegotiationException refused)
    {
        if (refused.ServerCertificate is not { } certificate)
            return false;
        var presented = CertificateFingerprint.Of(certificate);
        if ((_accepted ?? Known()) is { } trusted)
            throw HostTrustException.Changed(Key, trusted, presented, knownHosts.Path);
        if (invited is not null)
            throw HostTrustException.NotTheInvited(Key, invited, presented);
        if (confirm is null)
            throw HostTrustException.Unknown(Key, presented);
        if (!await confirm(HostCertificate.Of(host, port, certificate)).ConfigureAwait(false))
            throw HostTrustException.Declined(Key, presented);
        Accept(presented);
        return true;
    }

    /// <summary>The host completed the handshake with the pinned certificate: an invite's is remembered from now on.</summary>
    internal void Connected()
    {
        if (_accepted is null && Known() is null && invited is not null)
            Accept(invited);
    }

    private void Accept(CertificateFingerprint fingerprint)
    {
        knownHosts.Remember(host, port, fingerprint);
        _accepted = fingerprint;
    }

    private CertificateFingerprint? Known() => knownHosts.Find(host, port);
}
