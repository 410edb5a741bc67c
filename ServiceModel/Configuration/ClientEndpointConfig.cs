namespace Ikosa.ServiceModel.Configuration;

/// <summary>
/// A client endpoint. <paramref name="DnsIdentity"/> is the name the server certificate must carry
/// (<c>&lt;identity&gt;&lt;dns value/&gt;</c>; WCF's default is the address's host).
/// <paramref name="TrustedCertificateThumbprint"/> (<c>&lt;identity&gt;&lt;trustedCertificate thumbprint/&gt;</c>, an Ikosa
/// extension) pins the server certificate: upper-case hex, 40 digits for SHA-1 or 64 for SHA-256.
/// </summary>
public sealed record ClientEndpointConfig(
    string? Name,
    Uri Address,
    string Binding,
    string? BindingConfiguration,
    string Contract,
    NetTcpBinding ResolvedBinding,
    string? DnsIdentity,
    string? TrustedCertificateThumbprint);
