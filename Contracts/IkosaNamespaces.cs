namespace Ikosa.Contracts;

/// <summary>The XML namespaces of Ikosa's service and data contracts (version them when the wire changes).</summary>
public static class IkosaNamespaces
{
    public const string Services = "urn:ikosa:services:2026";

    public const string Data = "urn:ikosa:data:2026";
}
