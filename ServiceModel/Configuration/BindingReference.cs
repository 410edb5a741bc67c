namespace Ikosa.ServiceModel.Configuration;

/// <summary>How an endpoint (service or client) names its binding: the binding type and the binding configuration.</summary>
internal static class BindingReference
{
    public static string RequireNetTcp(ConfigElement endpoint)
    {
        var binding = endpoint.RequiredString("binding");
        if (binding != NetTcpBindingReader.BindingType)
            throw endpoint.Error("binding", $"binding '{binding}' is not supported; only '{NetTcpBindingReader.BindingType}' is.");
        return binding;
    }

    /// <summary>A fresh copy of the named configuration, or of the nameless default one, or a default binding.</summary>
    public static NetTcpBinding Resolve(
        ConfigElement endpoint, string? bindingConfiguration, IReadOnlyDictionary<string, NetTcpBinding> bindings)
    {
        if (string.IsNullOrEmpty(bindingConfiguration))
            return bindings.TryGetValue("", out var fallback) ? fallback.Clone() : new NetTcpBinding();
        if (bindings.TryGetValue(bindingConfiguration, out var binding))
            return binding.Clone();
        throw endpoint.Error("bindingConfiguration",
            $"no netTcpBinding configuration named '{bindingConfiguration}' is defined in <bindings><netTcpBinding>; " +
            $"defined: {ConfigElement.DescribeNames(bindings.Keys)}.");
    }
}
