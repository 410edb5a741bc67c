using System.Collections.Concurrent;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;

namespace Ikosa.Tests.Interop.StockClient;

/// <summary>
/// The actions of every request the stock client sent, recorded by a message inspector on each endpoint, so a test can
/// tell which operations it really exercised.
/// </summary>
public sealed class SentActions : IEndpointBehavior, IClientMessageInspector
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Actions => _counts.Keys.ToList();

    /// <summary>The request actions of every operation of <paramref name="contracts"/>, as Microsoft's WCF describes them.</summary>
    public static IReadOnlyList<string> OperationsOf(params Type[] contracts) => contracts
        .SelectMany(contract => ContractDescription.GetContract(contract).Operations)
        .Select(operation => operation.Messages[0])
        .Where(request => request.Direction == MessageDirection.Input)
        .Select(request => request.Action)
        .ToList();

    public object? BeforeSendRequest(ref Message request, IClientChannel channel)
    {
        _counts.AddOrUpdate(request.Headers.Action, 1, (_, count) => count + 1);
        return null;
    }

    public void AfterReceiveReply(ref Message reply, object correlationState)
    {
    }

    public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) => clientRuntime.ClientMessageInspectors.Add(this);

    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
    {
    }

    public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher)
    {
    }

    public void Validate(ServiceEndpoint endpoint)
    {
    }
}
