namespace Ikosa.ServiceModel;

/// <summary>Transport-level security settings of a <see cref="NetTcpBinding"/> (used when the mode is Transport).</summary>
public sealed class TcpTransportSecurity
{
    public TcpClientCredentialType ClientCredentialType { get; set; } = TcpClientCredentialType.None;

    internal TcpTransportSecurity Clone() => new() { ClientCredentialType = ClientCredentialType };
}
