using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using Ikosa.ServiceModel.Configuration;

namespace Ikosa.ServiceModel.Server;

/// <summary>
/// Puts a <c>&lt;service&gt;</c> of the configuration into a <see cref="ServiceHost"/>: its base address, its endpoints
/// (contract resolved among the service type's contracts, binding as configured) and its behavior (fault detail,
/// throttles, certificate). Everything is checked and loaded first, so a bad configuration changes nothing.
/// </summary>
internal sealed class ServiceConfigurationApplier
{
    /// <summary>The configuration's errors name this as their source: the records keep no file name.</summary>
    private const string SourceName = ServiceModelSection.SectionName;

    private readonly List<Action> _changes = new();

    /// <summary>Checks <paramref name="service"/> against <paramref name="serviceType"/> and records the changes to make.</summary>
    /// <exception cref="ConfigurationErrorsException">A contract is unknown, or the certificate cannot be loaded.</exception>
    public void Plan(ServiceConfig service, Type serviceType, Func<ServiceRegistration> registration, ServiceHost host)
    {
        var endpoints = service.Endpoints
            .Select(endpoint => (Endpoint: endpoint, Contract: ResolveContract(service, endpoint, serviceType)))
            .ToList();
        var behavior = service.ResolvedBehavior;
        var certificate = behavior?.ServiceCertificate?.Load();
        _changes.Add(() =>
        {
            var target = registration();
            foreach (var baseAddress in service.BaseAddresses)
                host.AddBaseAddress(baseAddress);
            foreach (var (endpoint, contract) in endpoints)
                target.AddServiceEndpoint(contract, endpoint.ResolvedBinding.Clone(), endpoint.ResolvedAddress.AbsoluteUri);
            if (behavior is not null)
                ApplyBehavior(target, behavior, certificate);
        });
    }

    public void Apply()
    {
        foreach (var change in _changes)
            change();
    }

    /// <summary>Every [ServiceContract] interface <paramref name="serviceType"/> implements, by the name config uses (the full name).</summary>
    public static IReadOnlyList<Type> ContractsOf(Type serviceType) =>
        serviceType.GetInterfaces().Where(type => type.GetCustomAttribute<ServiceContractAttribute>() is not null).ToList();

    private static Type ResolveContract(ServiceConfig service, ServiceEndpointConfig endpoint, Type serviceType)
    {
        var contracts = ContractsOf(serviceType);
        var contract = contracts.FirstOrDefault(type => ConfigurationName(type) == endpoint.Contract);
        if (contract is not null)
            return contract;
        var known = contracts.Count == 0 ? "none" : string.Join(", ", contracts.Select(ConfigurationName));
        throw new ConfigurationErrorsException(
            $"service '{service.Name}', endpoint {Describe(endpoint)}: '{endpoint.Contract}' is not a service contract " +
            $"that {serviceType.FullName} implements; it implements: {known}.",
            SourceName, "endpoint", "contract");
    }

    /// <summary>WCF's default ConfigurationName: the contract type's full name, nested types joined with a dot.</summary>
    public static string ConfigurationName(Type contract) => (contract.FullName ?? contract.Name).Replace('+', '.');

    private static string Describe(ServiceEndpointConfig endpoint) =>
        string.IsNullOrEmpty(endpoint.Name) ? $"at '{endpoint.ResolvedAddress}'" : $"'{endpoint.Name}' at '{endpoint.ResolvedAddress}'";

    private static void ApplyBehavior(ServiceRegistration target, ServiceBehaviorConfig behavior, X509Certificate2? certificate)
    {
        target.Behavior.Apply(behavior);
        if (certificate is not null)
            target.ServiceCertificate = certificate;
    }
}
