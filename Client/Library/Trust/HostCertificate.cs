using System.Security.Cryptography.X509Certificates;
using Ikosa.Contracts;

namespace Ikosa.Client.Library.Trust;

/// <summary>What a user is shown to decide whether to trust a host's certificate the first time.</summary>
public sealed record HostCertificate(string Host, int Port, CertificateFingerprint Fingerprint, string Subject, DateTime NotAfter)
{
    public static HostCertificate Of(string host, int port, X509Certificate2 certificate) =>
        new(host, port, CertificateFingerprint.Of(certificate), certificate.Subject, certificate.NotAfter.ToUniversalTime());
}
