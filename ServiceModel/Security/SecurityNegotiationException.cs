using System.Security.Cryptography.X509Certificates;

namespace Ikosa.ServiceModel.Security;

/// <summary>
/// The secured channel could not be set up: the TLS handshake failed or the server's certificate was refused
/// (untrusted, wrong name, not the pinned one). The message says which and how to fix it; as in WCF.
/// </summary>
public class SecurityNegotiationException : CommunicationException
{
    public SecurityNegotiationException(string message) : base(message) { }
    public SecurityNegotiationException(string message, Exception? innerException) : base(message, innerException) { }

    public SecurityNegotiationException(string message, Exception? innerException, X509Certificate2? serverCertificate) : base(message, innerException) =>
        ServerCertificate = serverCertificate;

    /// <summary>
    /// The certificate the server presented, when it was refused (an Ikosa extension): what a client that trusts on first
    /// use shows its user, or names beside the one it expected. Without its private key.
    /// </summary>
    public X509Certificate2? ServerCertificate { get; }
}
