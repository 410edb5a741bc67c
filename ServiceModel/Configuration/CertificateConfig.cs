using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ikosa.ServiceModel.Configuration;

/// <summary>
/// The service's TLS certificate as a PKCS#12 file: <c>&lt;serviceCertificate pfxFile="host.pfx" password="..."/&gt;</c>.
/// <paramref name="PfxPath"/> is already resolved against the configuration file's folder.
/// </summary>
public sealed record CertificateConfig(string PfxPath, string? Password)
{
    /// <summary>The configuration file this came from, for error messages.</summary>
    public string SourceName { get; init; } = "app.config";

    /// <summary>The line of the <c>serviceCertificate</c> element, for error messages.</summary>
    public int? LineNumber { get; init; }

    /// <summary>Loads the certificate with its private key (a TLS server needs it).</summary>
    /// <exception cref="ConfigurationErrorsException">The file is missing or unreadable, the password is wrong, or there is no private key.</exception>
    public X509Certificate2 Load()
    {
        if (!File.Exists(PfxPath))
            throw Failure($"the certificate file '{PfxPath}' does not exist.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(PfxPath, Password);
        }
        catch (CryptographicException exception)
        {
            throw Failure($"cannot load '{PfxPath}': the password is wrong or the file is not a PKCS#12 (.pfx) file ({exception.Message}).", exception);
        }
        catch (IOException exception)
        {
            throw Failure($"cannot read '{PfxPath}': {exception.Message}", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw Failure($"cannot read '{PfxPath}': {exception.Message}", exception);
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw Failure($"'{PfxPath}' holds no private key; a TLS server certificate needs one.");
        }
        return certificate;
    }

    private ConfigurationErrorsException Failure(string message, Exception? inner = null) =>
        new(message, SourceName, ServiceBehaviorReader.ServiceCertificateElement, attributeName: null, LineNumber, inner);
}
