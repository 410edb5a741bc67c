namespace Ikosa.ServiceModel;

/// <summary>
/// The credential a client presents at the transport level. Only None is implemented: Windows needs
/// Kerberos/NTLM infrastructure and Certificate needs certificate-to-identity mapping, neither of which
/// this host has. Players authenticate by logging in over the secured session instead.
/// </summary>
public enum TcpClientCredentialType
{
    None,
}
