using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Tests.ServiceModel.Contracts;

/// <summary>A fake channel: records each call and answers with a function of the operation and arguments.</summary>
internal sealed class RecordingCallHandler(Func<OperationDescription, object?[], Task<object?>> answer) : IProxyCallHandler
{
    public List<(OperationDescription Operation, object?[] Arguments)> Calls { get; } = new();

    public Task<object?> CallAsync(OperationDescription operation, object?[] arguments)
    {
        Calls.Add((operation, (object?[])arguments.Clone()));
        return answer(operation, arguments);
    }
}
