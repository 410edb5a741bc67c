using System.Text.RegularExpressions;

namespace Ikosa.ServiceModel.Configuration;

/// <summary>Reads <c>&lt;client&gt;&lt;endpoint .../&gt;</c>, the endpoints a client connects to.</summary>
internal static partial class ClientEndpointReader
{
    public static List<ClientEndpointConfig> ReadEndpoints(ConfigElement client, IReadOnlyDictionary<string, NetTcpBinding> bindings)
    {
        client.AllowAttributes();
        var result = new List<ClientEndpointConfig>();
        foreach (var element in client.Children("endpoint"))
        {
            var endpoint = ReadEndpoint(element, bindings);
            CheckUnique(element, endpoint, result);
            result.Add(endpoint);
        }
        return result;
    }

    private static ClientEndpointConfig ReadEndpoint(ConfigElement element, IReadOnlyDictionary<string, NetTcpBinding> bindings)
    {
        element.AllowAttributes("name", "address", "binding", "bindingConfiguration", "contract");
        var name = element.OptionalString("name");
        var addressText = element.RequiredString("address");
        var address = NetTcpAddress.TryParseAbsolute(addressText, out var problem) ?? throw element.Error("address", problem);
        var binding = BindingReference.RequireNetTcp(element);
        var bindingConfiguration = element.OptionalString("bindingConfiguration");
        var contract = element.RequiredString("contract");
        var resolvedBinding = BindingReference.Resolve(element, bindingConfiguration, bindings);

        string? dns = null, thumbprint = null;
        var identity = element.SingleChild(element.Children("identity"), "identity");
        if (identity is not null)
            (dns, thumbprint) = ReadIdentity(identity);

        return new ClientEndpointConfig(name, address, binding, bindingConfiguration, contract, resolvedBinding, dns, thumbprint);
    }

    private static (string? Dns, string? Thumbprint) ReadIdentity(ConfigElement identity)
    {
        identity.AllowAttributes();
        var children = identity.Children("dns", "trustedCertificate");
        string? dns = null, thumbprint = null;
        if (identity.SingleChild(children, "dns") is { } dnsElement)
        {
            dnsElement.AllowAttributes("value");
            dnsElement.Children();
            dns = dnsElement.RequiredString("value");
        }
        if (identity.SingleChild(children, "trustedCertificate") is { } trusted)
        {
            trusted.AllowAttributes("thumbprint");
            trusted.Children();
            thumbprint = NormalizeThumbprint(trusted);
        }
        return (dns, thumbprint);
    }

    // Accepts the forms people copy from tools: spaces or colons between hex pairs, either case.
    private static string NormalizeThumbprint(ConfigElement trusted)
    {
        var written = trusted.RequiredString("thumbprint");
        var hex = written.Replace(" ", "").Replace(":", "").ToUpperInvariant();
        if (!HexDigits().IsMatch(hex) || (hex.Length != 40 && hex.Length != 64))
            throw trusted.Error("thumbprint",
                $"'{written}' is not a certificate thumbprint; expected 40 hex digits (SHA-1) or 64 (SHA-256).");
        return hex;
    }

    private static void CheckUnique(ConfigElement element, ClientEndpointConfig endpoint, List<ClientEndpointConfig> earlier)
    {
        if (string.IsNullOrEmpty(endpoint.Name))
        {
            // A nameless endpoint is found by its contract, so there may be only one per contract.
            if (earlier.Any(other => string.IsNullOrEmpty(other.Name) && other.Contract == endpoint.Contract))
                throw element.Error("contract",
                    $"another nameless client endpoint for contract '{endpoint.Contract}' exists; give each a distinct name.");
            return;
        }
        if (earlier.Any(other => other.Name == endpoint.Name))
            throw element.Error("name", $"a client endpoint named '{endpoint.Name}' already exists; names must be unique.");
    }

    [GeneratedRegex("^[0-9A-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexDigits();
}
