namespace Ikosa.ServiceModel.Configuration;

/// <summary>Reads <c>&lt;services&gt;&lt;service&gt;</c> with its base addresses and endpoints, resolving names and addresses.</summary>
internal sealed class ServiceReader
{
    public ServiceReader(
        IReadOnlyDictionary<string, NetTcpBinding> bindings,
        IReadOnlyDictionary<string, ServiceBehaviorConfig> behaviors)
    {
        _bindings = bindings;
        _behaviors = behaviors;
    }

    public List<ServiceConfig> ReadServices(ConfigElement services)
    {
        services.AllowAttributes();
        var result = new List<ServiceConfig>();
        // Listen key (port + path) → the service and contract already there, so two services cannot share an address.
        var addressOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in services.Children("service"))
        {
            var service = ReadService(element, addressOwners);
            if (result.Any(existing => existing.Name == service.Name))
                throw element.Error("name", $"service '{service.Name}' is already configured; each service appears once.");
            result.Add(service);
        }
        return result;
    }

    private ServiceConfig ReadService(ConfigElement element, Dictionary<string, string> addressOwners)
    {
        element.AllowAttributes("name", "behaviorConfiguration");
        var name = element.RequiredString("name");
        var behaviorName = element.OptionalString("behaviorConfiguration");
        var behavior = ResolveBehavior(element, behaviorName);

        var children = element.Children("host", "endpoint");
        var baseAddresses = element.SingleChild(children, "host") is { } host ? ReadHost(host) : [];
        var netTcpBase = baseAddresses.FirstOrDefault();

        var endpoints = new List<ServiceEndpointConfig>();
        var endpointsAtAddress = new Dictionary<string, ServiceEndpointConfig>(StringComparer.Ordinal);
        foreach (var endpointElement in children.Where(child => child.Name == "endpoint"))
        {
            var endpoint = ReadEndpoint(endpointElement, name, netTcpBase);
            CheckUnique(endpointElement, endpoint, endpoints, endpointsAtAddress, name, addressOwners);
            endpoints.Add(endpoint);
        }
        foreach (var endpoint in endpoints)
            addressOwners.TryAdd(NetTcpAddress.ListenKey(endpoint.ResolvedAddress), name);

        return new ServiceConfig(name, behaviorName, baseAddresses, endpoints, behavior);
    }

    private ServiceBehaviorConfig? ResolveBehavior(ConfigElement element, string? behaviorName)
    {
        if (string.IsNullOrEmpty(behaviorName))
            return _behaviors.GetValueOrDefault("");
        if (_behaviors.TryGetValue(behaviorName, out var behavior))
            return behavior;
        throw element.Error("behaviorConfiguration",
            $"no service behavior named '{behaviorName}' is defined in <behaviors><serviceBehaviors>; defined: {ConfigElement.DescribeNames(_behaviors.Keys)}.");
    }

    private static List<Uri> ReadHost(ConfigElement host)
    {
        host.AllowAttributes();
        var baseAddressesElement = host.SingleChild(host.Children("baseAddresses"), "baseAddresses");
        var result = new List<Uri>();
        if (baseAddressesElement is null)
            return result;
        baseAddressesElement.AllowAttributes();
        foreach (var add in baseAddressesElement.Children("add"))
        {
            add.AllowAttributes("baseAddress");
            add.Children();
            var text = add.RequiredString("baseAddress");
            var uri = NetTcpAddress.TryParseAbsolute(text, out var problem)
                      ?? throw add.Error("baseAddress", problem);
            // WCF allows one base address per scheme, and net.tcp is the only scheme here.
            if (result.Count > 0)
                throw add.Error("baseAddress", $"a service may have only one net.tcp base address; '{result[0]}' is already given.");
            result.Add(uri);
        }
        return result;
    }

    private ServiceEndpointConfig ReadEndpoint(ConfigElement element, string serviceName, Uri? netTcpBase)
    {
        element.AllowAttributes("name", "address", "binding", "bindingConfiguration", "contract");
        element.Children();
        var name = element.OptionalString("name");
        var address = element.OptionalString("address") ?? "";
        var binding = BindingReference.RequireNetTcp(element);
        var bindingConfiguration = element.OptionalString("bindingConfiguration");
        var contract = element.RequiredString("contract");
        var resolvedBinding = BindingReference.Resolve(element, bindingConfiguration, _bindings);

        Uri resolvedAddress;
        string problem;
        if (NetTcpAddress.LooksAbsolute(address))
        {
            resolvedAddress = NetTcpAddress.TryParseAbsolute(address, out problem) ?? throw element.Error("address", problem);
        }
        else if (netTcpBase is null)
        {
            throw element.Error("address",
                $"{(address.Length == 0 ? "no address is given" : $"'{address}' is relative")}, but service '{serviceName}' " +
                "has no net.tcp base address; add " +
                "<host><baseAddresses><add baseAddress=\"net.tcp://host:port/path/\"/> or write an absolute net.tcp address.");
        }
        else
        {
            resolvedAddress = NetTcpAddress.TryResolve(netTcpBase, address, out problem) ?? throw element.Error("address", problem);
        }

        return new ServiceEndpointConfig(name, address, resolvedAddress, binding, bindingConfiguration, contract, resolvedBinding);
    }

    private static void CheckUnique(
        ConfigElement element,
        ServiceEndpointConfig endpoint,
        List<ServiceEndpointConfig> earlier,
        Dictionary<string, ServiceEndpointConfig> endpointsAtAddress,
        string serviceName,
        Dictionary<string, string> addressOwners)
    {
        if (!string.IsNullOrEmpty(endpoint.Name) && earlier.Any(other => other.Name == endpoint.Name))
            throw element.Error("name", $"service '{serviceName}' already has an endpoint named '{endpoint.Name}'; names must be unique.");

        var key = NetTcpAddress.ListenKey(endpoint.ResolvedAddress);
        if (addressOwners.TryGetValue(key, out var owner))
            throw element.Error("address", $"'{endpoint.ResolvedAddress}' is already used by service '{owner}'; each service needs its own address.");

        if (earlier.FirstOrDefault(other => NetTcpAddress.ListenKey(other.ResolvedAddress) == key) is not { } sameAddress)
            return;
        if (sameAddress.Contract == endpoint.Contract)
            throw element.Error("address", $"contract '{endpoint.Contract}' is already exposed at '{endpoint.ResolvedAddress}'.");
        // One listener serves one address, so every endpoint there must use the same binding settings.
        if ((sameAddress.BindingConfiguration ?? "") != (endpoint.BindingConfiguration ?? ""))
            throw element.Error("bindingConfiguration",
                $"endpoints sharing the address '{endpoint.ResolvedAddress}' must use the same bindingConfiguration " +
                $"('{sameAddress.BindingConfiguration ?? ""}' is already used there).");
    }

    private readonly IReadOnlyDictionary<string, NetTcpBinding> _bindings;
    private readonly IReadOnlyDictionary<string, ServiceBehaviorConfig> _behaviors;
}
