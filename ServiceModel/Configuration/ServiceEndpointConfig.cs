namespace Ikosa.ServiceModel.Configuration;

/// <summary>
/// A service endpoint. <paramref name="Address"/> is as written (possibly relative to the service's net.tcp base
/// address); <paramref name="ResolvedAddress"/> is absolute. <paramref name="ResolvedBinding"/> is this endpoint's own
/// copy of the named binding configuration, or of the nameless default one, or a default <see cref="NetTcpBinding"/>.
/// </summary>
public sealed record ServiceEndpointConfig(
    string? Name,
    string Address,
    Uri ResolvedAddress,
    string Binding,
    string? BindingConfiguration,
    string Contract,
    NetTcpBinding ResolvedBinding);
