namespace Ikosa.ServiceModel.Security;

/// <summary>The stream upgrades a net.tcp client may ask for in its preamble (record 0x09).</summary>
public static class UpgradeProtocols
{
    /// <summary>TLS (SecurityMode.Transport with client credential None or Certificate): the one upgrade served here.</summary>
    public const string SslTls = "application/ssl-tls";

    /// <summary>[MS-NNS] Negotiate (WCF's default Transport/Windows): never served; answered with UpgradeInvalid.</summary>
    public const string Negotiate = "application/negotiate";
}
