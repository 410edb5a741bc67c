using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ikosa.Host.Network;

/// <summary>
/// The host's own TLS certificate, made when the game master has none: a real X.509 server certificate (ECDSA P-256,
/// SHA-256) issued to the machine's name, carrying its host name, localhost and its addresses as subject alternative
/// names. Players pin it by fingerprint, so its issuer does not matter and its names only help stock WCF clients.
/// </summary>
public static class SelfSignedCertificate
{
    /// <summary>
    /// Five years: players pin the certificate itself, so it need not be renewed like a public one, but it should not
    /// outlive the machine either. A new certificate means every player confirms a new fingerprint.
    /// </summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(5 * 365);

    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    /// <summary>A new certificate with its private key, valid from an hour ago (clocks differ) for <see cref="Validity"/>.</summary>
    public static X509Certificate2 Create(LocalNetwork network, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName("Ikosa Host");
        subject.AddCommonName(network.HostName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(Names(network));
        using var created = request.CreateSelfSigned(now.AddHours(-1), now + Validity);
        // Through PKCS#12, as it will be loaded from the file, so the key is usable by TLS on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    private static X509Extension Names(LocalNetwork network)
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in new[] { network.HostName, "localhost" }.Distinct(StringComparer.OrdinalIgnoreCase))
            names.AddDnsName(name);
        foreach (var address in network.Addresses.Prepend(IPAddress.IPv6Loopback).Prepend(IPAddress.Loopback).Distinct())
            names.AddIpAddress(address);
        return names.Build();
    }
}
