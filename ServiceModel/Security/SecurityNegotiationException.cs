namespace Ikosa.ServiceModel.Security;

/// <summary>
/// The secured channel could not be set up: the TLS handshake failed or the server's certificate was refused
/// (untrusted, wrong name, not the pinned one). The message says which and how to fix it; as in WCF.
/// </summary>
public class SecurityNegotiationException : CommunicationException
{
    public SecurityNegotiationException(string message) : base(message) { }
    public SecurityNegotiationException(string message, Exception? innerException) : base(message, innerException) { }
}
