using Ikosa.Contracts;
using Ikosa.ServiceModel.Security;

namespace Ikosa.Client.Library.Trust;

public enum HostTrustProblem
{
    /// <summary>The host presents another certificate than the one trusted for it before (or the invite names another).</summary>
    Changed,

    /// <summary>The host does not present the certificate the invite names.</summary>
    NotTheInvited,

    /// <summary>The host is not known and nobody could be asked (a script).</summary>
    Unknown,

    /// <summary>The user did not trust the certificate.</summary>
    Declined,

    /// <summary>The invite is for a host that serves plain net.tcp, and the user did not accept that.</summary>
    Unencrypted,
}

/// <summary>
/// The client did not trust the host, and sent nothing to it: no login, no password. The message says why in words a
/// player can act on, naming both fingerprints when they differ.
/// </summary>
public sealed class HostTrustException(HostTrustProblem problem, string host, CertificateFingerprint? expected, CertificateFingerprint? presented, string message)
    : SecurityNegotiationException(message)
{
    public HostTrustProblem Problem { get; } = problem;

    /// <summary>HOST:PORT, as the known-hosts file names it.</summary>
    public string Host { get; } = host;

    /// <summary>The fingerprint trusted before or named by the invite, if any.</summary>
    public CertificateFingerprint? Expected { get; } = expected;

    /// <summary>The fingerprint of the certificate the host presented, if it got that far.</summary>
    public CertificateFingerprint? Presented { get; } = presented;

    internal static HostTrustException Changed(string host, CertificateFingerprint trusted, CertificateFingerprint presented, string knownHosts, string what = "it now presents") => new(
        HostTrustProblem.Changed, host, trusted, presented,
        $"WARNING: the certificate of {host} is not the one you trusted. You trusted {trusted}; {what} {presented}. Someone may " +
        "be intercepting the connection — or the game master made a new certificate. Nothing was sent to the host. Ask the game " +
        $"master which fingerprint the host printed; only if it is the new one, forget the old one (delete the line of {host} in " +
        $"{knownHosts}) and join again.");

    internal static HostTrustException NotTheInvited(string host, CertificateFingerprint invited, CertificateFingerprint presented) => new(
        HostTrustProblem.NotTheInvited, host, invited, presented,
        $"The host at {host} presents the certificate {presented}, not {invited} as your invite says: the invite was changed " +
        "on its way, or someone is intercepting the connection. Nothing was sent to the host, your password neither. Ask the " +
        "game master for the invite again.");

    internal static HostTrustException Unknown(string host, CertificateFingerprint presented) => new(
        HostTrustProblem.Unknown, host, null, presented,
        $"{host} presents a certificate you have not trusted yet: {presented}. Nothing was sent to the host. Check that it is " +
        "the fingerprint the game master's host printed, then join with the invite, or trust that fingerprint explicitly.");

    internal static HostTrustException Declined(string host, CertificateFingerprint presented) => new(
        HostTrustProblem.Declined, host, null, presented,
        $"You did not trust the certificate of {host} ({presented}); nothing was sent to the host.");

    internal static HostTrustException Unencrypted(string host) => new(
        HostTrustProblem.Unencrypted, host, null, null,
        $"The invite for {host} carries no certificate fingerprint: that host serves plain net.tcp, where anyone on the " +
        "network can read the game and your password. Join it only if you accept that risk (insecure).");
}
