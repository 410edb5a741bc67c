using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ikosa.ServiceModel.Security;

/// <summary>
/// How a client decides to trust the certificate a TLS server presents. By default, as WCF: the chain must lead to a
/// trusted root and the certificate must be issued for <see cref="DnsIdentity"/> (the address's host unless set).
/// Pinning one certificate (<see cref="TrustedCertificateThumbprint"/>) replaces the chain check, for a game master's
/// self-signed certificate; the name is still checked, as WCF still checks the identity under a custom validator, unless
/// <see cref="CheckPinnedCertificateName"/> is off.
/// </summary>
public sealed class ServerCertificateValidation
{
    private string? _thumbprint;

    /// <summary>The name the server certificate must carry (WCF's <c>&lt;identity&gt;&lt;dns value&gt;</c>); null means the address's host.</summary>
    public string? DnsIdentity { get; set; }

    /// <summary>
    /// The one certificate to trust whatever its issuer: 40 hex digits (SHA-1, the Windows "thumbprint") or 64 (SHA-256);
    /// spaces and colons are ignored. When set, any other certificate is refused.
    /// </summary>
    /// <exception cref="ArgumentException">Not 40 or 64 hex digits.</exception>
    public string? TrustedCertificateThumbprint
    {
        get => _thumbprint;
        set => _thumbprint = value is null ? null : NormalizeThumbprint(value);
    }

    /// <summary>
    /// Whether a pinned certificate must also carry the name the client connects by (on by default, as WCF). An Ikosa
    /// extension for trust on first use, as SSH does it: the pinned certificate is the host's identity, so a host whose
    /// address changed since its certificate was made (a laptop on another network) is still the same host.
    /// </summary>
    public bool CheckPinnedCertificateName { get; set; } = true;

    /// <summary>Pins <paramref name="certificate"/> (its SHA-256 thumbprint), e.g. the one a test or the GM's app generated.</summary>
    public void TrustCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        TrustedCertificateThumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    internal ServerCertificateValidation Clone() =>
        new() { DnsIdentity = DnsIdentity, _thumbprint = _thumbprint, CheckPinnedCertificateName = CheckPinnedCertificateName };

    /// <summary>The TLS target host (SNI and the name checked): the DNS identity, or the host the client connects to.</summary>
    internal string TargetHost(Uri via) => string.IsNullOrEmpty(DnsIdentity) ? via.Host : DnsIdentity;

    /// <summary>True when the certificate is acceptable; otherwise <paramref name="refusal"/> says why and what to do.</summary>
    internal bool Accept(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, string targetHost, out string? refusal)
    {
        refusal = null;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            refusal = "The server presented no certificate.";
            return false;
        }
        using var presented = new X509Certificate2(certificate);
        var description = $"'{presented.Subject}' (SHA-256 {presented.GetCertHashString(HashAlgorithmName.SHA256)})";
        if (_thumbprint is not null)
        {
            if (!IsPinned(presented))
            {
                refusal = $"The server's certificate {description} is not the trusted certificate {_thumbprint}.";
                return false;
            }
            errors &= ~SslPolicyErrors.RemoteCertificateChainErrors;
            if (!CheckPinnedCertificateName)
                errors &= ~SslPolicyErrors.RemoteCertificateNameMismatch;
        }
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var status = chain is null ? "" : string.Join(", ", chain.ChainStatus.Select(s => s.Status).Distinct());
            refusal = $"The server's certificate {description} is not trusted ({status}). If it is the game master's " +
                      "self-signed certificate, pin it: <identity><trustedCertificate thumbprint=\"...\"/> in the client " +
                      "endpoint, or ServerCertificate.TrustedCertificateThumbprint.";
            return false;
        }
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            refusal = $"The server's certificate {description} was not issued for '{targetHost}'. Connect with a name the " +
                      "certificate carries, or set the expected name: <identity><dns value=\"...\"/>, or ServerCertificate.DnsIdentity.";
            return false;
        }
        return errors == SslPolicyErrors.None;
    }

    private bool IsPinned(X509Certificate2 certificate) =>
        string.Equals(_thumbprint, _thumbprint!.Length == 40
            ? certificate.GetCertHashString(HashAlgorithmName.SHA1)
            : certificate.GetCertHashString(HashAlgorithmName.SHA256), StringComparison.OrdinalIgnoreCase);

    private static string NormalizeThumbprint(string written)
    {
        var hex = written.Replace(" ", "").Replace(":", "").ToUpperInvariant();
        if ((hex.Length != 40 && hex.Length != 64) || !hex.All(Uri.IsHexDigit))
            throw new ArgumentException($"'{written}' is not a certificate thumbprint; expected 40 hex digits (SHA-1) or 64 (SHA-256).", nameof(TrustedCertificateThumbprint));
        return hex;
    }
}
