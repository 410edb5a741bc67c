namespace Ikosa.ServiceModel.Configuration;

/// <summary>
/// A configured service: <c>&lt;service name behaviorConfiguration&gt;</c>. <paramref name="ResolvedBehavior"/> is the
/// named behavior, or the nameless default behavior when none is named, or null.
/// </summary>
public sealed record ServiceConfig(
    string Name,
    string? BehaviorConfiguration,
    IReadOnlyList<Uri> BaseAddresses,
    IReadOnlyList<ServiceEndpointConfig> Endpoints,
    ServiceBehaviorConfig? ResolvedBehavior);
