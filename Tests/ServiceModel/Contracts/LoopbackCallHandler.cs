using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Tests.ServiceModel.Contracts;

/// <summary>
/// A channel without the wire: each call is serialized, dispatched by Action to the service as the server would,
/// and the reply or fault deserialized — the path a real call takes, minus framing and encoding.
/// </summary>
internal sealed class LoopbackCallHandler(ContractDescription contract, object service, bool includeExceptionDetail) : IProxyCallHandler
{
    public async Task<object?> CallAsync(OperationDescription operation, object?[] arguments)
    {
        var request = operation.Formatter.SerializeRequest(arguments);

        var served = contract.FindByAction(request.Action) ?? contract.FindCallbackByAction(request.Action);
        if (served is null)
            return operation.Formatter.DeserializeReply(FaultConverter.CreateActionNotSupportedFault(request.Action), arguments);
        Ikosa.ServiceModel.Channels.Message reply;
        try
        {
            var received = served.Formatter.DeserializeRequest(request);
            var result = await OperationInvoker.InvokeAsync(service, served, received);
            if (served.IsOneWay)
                return null;
            reply = served.Formatter.SerializeReply(result, received);
        }
        catch (Exception error) when (!served.IsOneWay)
        {
            reply = FaultConverter.CreateFault(error, served, includeExceptionDetail);
        }

        return operation.Formatter.DeserializeReply(reply, arguments);
    }
}
