namespace Ikosa.ServiceModel;

/// <summary>
/// How a net.tcp session is secured. WCF also has Message and TransportWithMessageCredential;
/// this runtime implements neither, so they do not exist here and configuration refuses them.
/// </summary>
public enum SecurityMode
{
    /// <summary>Plain framing, no upgrade.</summary>
    None,

    /// <summary>The session is upgraded to TLS (application/ssl-tls) before any message is sent.</summary>
    Transport,
}
