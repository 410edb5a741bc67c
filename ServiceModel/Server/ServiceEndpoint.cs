using Ikosa.ServiceModel.Description;

namespace Ikosa.ServiceModel;

/// <summary>An address where a contract of a service is offered, over a binding.</summary>
public sealed class ServiceEndpoint
{
    internal ServiceEndpoint(ServiceRegistration service, ContractDescription contract, NetTcpBinding binding, Uri address)
    {
        Service = service;
        Contract = contract;
        Binding = binding;
        Address = address;
    }

    public ServiceRegistration Service { get; }

    public ContractDescription Contract { get; }

    public NetTcpBinding Binding { get; }

    /// <summary>The endpoint's address; its port is the bound one once the host is open (a port of 0 picks a free one).</summary>
    public Uri Address { get; internal set; }

    public override string ToString() => $"{Contract.Name} at {Address}";
}
