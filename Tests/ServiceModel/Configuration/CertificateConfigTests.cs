using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ikosa.ServiceModel.Configuration;

namespace Ikosa.Tests.ServiceModel.Configuration;

public sealed class CertificateConfigTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ikosa-cert-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_self_signed_pfx_next_to_the_config_loads_with_its_private_key()
    {
        using var original = CreateSelfSigned();
        WritePfx("host.pfx", original.Export(X509ContentType.Pfx, "right"));
        var certificate = CertificateFromConfig("host.pfx", "right");

        using var loaded = certificate.Load();

        Assert.Equal(original.Thumbprint, loaded.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
    }

    [Fact]
    public void A_pfx_without_password_loads_when_none_is_configured()
    {
        using var original = CreateSelfSigned();
        WritePfx("open.pfx", original.Export(X509ContentType.Pfx));

        using var loaded = CertificateFromConfig("open.pfx", password: null).Load();

        Assert.Equal(original.Thumbprint, loaded.Thumbprint);
    }

    [Fact]
    public void A_wrong_password_is_a_clear_error_naming_the_element_and_line()
    {
        using var original = CreateSelfSigned();
        WritePfx("host.pfx", original.Export(X509ContentType.Pfx, "right"));
        var certificate = CertificateFromConfig("host.pfx", "wrong");

        var error = Assert.Throws<ConfigurationErrorsException>(() => certificate.Load());

        Assert.Equal("serviceCertificate", error.ElementName);
        Assert.Equal(CertificateLine, error.LineNumber);
        Assert.Contains("the password is wrong", error.Message);
        Assert.Contains(Path.Combine(_folder.FullName, "host.pfx"), error.Message);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var certificate = CertificateFromConfig("absent.pfx", "x");

        var error = Assert.Throws<ConfigurationErrorsException>(() => certificate.Load());

        Assert.Contains("does not exist", error.Message);
        Assert.Equal(CertificateLine, error.LineNumber);
    }

    [Fact]
    public void A_file_that_is_not_a_pfx_is_a_clear_error()
    {
        WritePfx("junk.pfx", "not a certificate"u8.ToArray());

        var error = Assert.Throws<ConfigurationErrorsException>(() => CertificateFromConfig("junk.pfx", "x").Load());

        Assert.Contains("not a PKCS#12 (.pfx) file", error.Message);
    }

    [Fact]
    public void A_pfx_without_private_key_is_refused()
    {
        using var original = CreateSelfSigned();
        using var publicOnly = X509CertificateLoader.LoadCertificate(original.RawData);
        WritePfx("public.pfx", publicOnly.Export(X509ContentType.Pfx, "p"));

        var error = Assert.Throws<ConfigurationErrorsException>(() => CertificateFromConfig("public.pfx", "p").Load());

        Assert.Contains("holds no private key", error.Message);
    }

    private const int CertificateLine = 6;

    private CertificateConfig CertificateFromConfig(string pfxFile, string? password)
    {
        var passwordAttribute = password is null ? "" : $" password=\"{password}\"";
        var xml = $"""
            <configuration>
              <system.serviceModel>
                <behaviors><serviceBehaviors>
                  <behavior name="host">
                    <serviceCredentials>
                      <serviceCertificate pfxFile="{pfxFile}"{passwordAttribute} />
                    </serviceCredentials>
                  </behavior>
                </serviceBehaviors></behaviors>
              </system.serviceModel>
            </configuration>
            """;
        var path = Path.Combine(_folder.FullName, "app.config");
        File.WriteAllText(path, xml);
        return ServiceModelSection.Load(path).ServiceBehaviors["host"].ServiceCertificate!;
    }

    private void WritePfx(string name, byte[] content) => File.WriteAllBytes(Path.Combine(_folder.FullName, name), content);

    private static X509Certificate2 CreateSelfSigned()
    {
        // ECDSA keys are generated in microseconds, RSA keys can take a second.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ikosa-host", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
