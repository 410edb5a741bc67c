using System.IdentityModel.Selectors;
using System.IdentityModel.Tokens;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ikosa.Tests.Interop.StockClient;

/// <summary>
/// Trusts exactly one server certificate, by its SHA-256 thumbprint: how a player's stock WCF client trusts the game
/// master's self-signed certificate, or the host's own, whose fingerprint the host prints as SHA256:….
/// </summary>
public sealed class ThumbprintValidator(string sha256) : X509CertificateValidator
{
    public override void Validate(X509Certificate2 certificate)
    {
        var presented = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        if (!string.Equals(presented, sha256, StringComparison.OrdinalIgnoreCase))
            throw new SecurityTokenValidationException($"the host's certificate {presented} is not the trusted {sha256}");
    }
}
