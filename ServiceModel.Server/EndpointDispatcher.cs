using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Framing;
using Microsoft.Extensions.Logging;

namespace Ikosa.ServiceModel.Server;

/// <summary>What the server knows of one endpoint at run time: its path, contract, behavior and limits.</summary>
internal sealed class EndpointDispatcher
{
    public EndpointDispatcher(ServiceEndpoint endpoint, ILoggerFactory loggerFactory)
    {
        Endpoint = endpoint;
        Path = EndpointTable.NormalizePath(endpoint.Address.AbsolutePath);
        Limits = new FramingLimits { MaxReceivedMessageSize = (int)Math.Min(endpoint.Binding.MaxReceivedMessageSize, int.MaxValue) };
        LoggerFactory = loggerFactory;
    }

    public ServiceEndpoint Endpoint { get; }

    public string Path { get; }

    public ContractDescription Contract => Endpoint.Contract;

    public ServiceRegistration Service => Endpoint.Service;

    public ServiceBehaviorSettings Behavior => Endpoint.Service.Behavior;

    public NetTcpBinding Binding => Endpoint.Binding;

    public FramingLimits Limits { get; }

    public ILoggerFactory LoggerFactory { get; }
}
