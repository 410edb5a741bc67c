using System.IdentityModel.Selectors;
using System.IdentityModel.Tokens;
using System.Security.Cryptography.X509Certificates;

namespace Ikosa.Tests.Interop.StockClient;

/// <summary>Trusts exactly one server certificate, by thumbprint: how a player trusts the game master's self-signed one.</summary>
public sealed class ThumbprintValidator(string thumbprint) : X509CertificateValidator
{
    public override void Validate(X509Certificate2 certificate)
    {
        if (!string.Equals(certificate.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase))
            throw new SecurityTokenValidationException($"the host's certificate {certificate.Thumbprint} is not the trusted {thumbprint}");
    }
}
