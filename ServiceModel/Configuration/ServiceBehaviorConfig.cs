namespace Ikosa.ServiceModel.Configuration;

/// <summary>
/// A service behavior: <c>serviceDebug</c>, <c>serviceThrottling</c>, <c>serviceCredentials/serviceCertificate</c> and
/// our <c>sessionAuthentication</c>. The name "" is the default behavior, applied to services that name none.
/// </summary>
public sealed record ServiceBehaviorConfig(
    string Name,
    bool IncludeExceptionDetailInFaults,
    int? MaxConcurrentSessions,
    int? MaxConcurrentCalls,
    CertificateConfig? ServiceCertificate,
    TimeSpan? SessionAuthenticationTimeout = null,
    int? MaxUnauthenticatedSessionsPerAddress = null);
