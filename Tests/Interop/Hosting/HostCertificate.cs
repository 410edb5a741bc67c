using System.Security.Cryptography.X509Certificates;
using Ikosa.Tests.ServiceModel.Security;

namespace Ikosa.Tests.Interop.Hosting;

/// <summary>A game master's self-signed certificate for "localhost", made by the test and written to a PFX file for the host.</summary>
public sealed class HostCertificate : IDisposable
{
    public const string DnsName = "localhost";

    private HostCertificate(X509Certificate2 certificate, string pfxPath)
    {
        Certificate = certificate;
        PfxPath = pfxPath;
    }

    /// <summary>The certificate without its private key: what a client may know about it.</summary>
    public X509Certificate2 Certificate { get; }

    public string PfxPath { get; }

    public static HostCertificate Create()
    {
        using var created = TestCertificates.CreateSelfSigned(DnsName);
        var path = Path.Combine(Path.GetTempPath(), $"ikosa-interop-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, created.Export(X509ContentType.Pfx));
        return new HostCertificate(X509CertificateLoader.LoadCertificate(created.RawData), path);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        File.Delete(PfxPath);
    }
}
