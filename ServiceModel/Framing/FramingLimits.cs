namespace Ikosa.ServiceModel.Framing;

/// <summary>The size limits a framing decoder enforces; the defaults are WCF's (TransportDefaults).</summary>
public sealed record FramingLimits
{
    public static FramingLimits Default { get; } = new();

    public int MaxViaSize { get; init; } = 2048;
    public int MaxContentTypeSize { get; init; } = 256;
    public int MaxReceivedMessageSize { get; init; } = 65536;
    public int MaxFaultSize { get; init; } = 256;
    public int MaxUpgradeSize { get; init; } = 256;
}
