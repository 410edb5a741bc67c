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
        _address = address;
    }

    public ServiceRegistration Service { get; }

    public ContractDescription Contract { get; }

    public NetTcpBinding Binding { get; }

    /// <summary>
    /// The endpoint's address; its port is the bound one once the host is open (a port of 0 picks a free one). It may be
    /// changed until the host opens, e.g. to override a configured port.
    /// </summary>
    public Uri Address
    {
        get => _address;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Scheme != "net.tcp")
                throw new ArgumentException($"Endpoint address {value} is not a net.tcp address.", nameof(value));
            Service.EnsureHostNotOpened();
            _address = value;
        }
    }

    private Uri _address;

    /// <summary>The address with the port the listener actually bound.</summary>
    internal void SetBoundAddress(Uri address) => _address = address;

    public override string ToString() => $"{Contract.Name} at {Address}";
}
