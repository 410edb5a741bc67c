using Ikosa.ServiceModel.Description;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>What a contract proxy calls: the client channel (service calls) or the callback channel (callbacks).</summary>
public interface IProxyCallHandler
{
    /// <summary>
    /// Sends the call and, for two-way operations, waits for the reply. Stores out/ref values into
    /// <paramref name="arguments"/> and returns the result (null for void and one-way operations).
    /// Faults come out as the exceptions <see cref="FaultConverter.ReadFault"/> gives.
    /// </summary>
    Task<object?> CallAsync(OperationDescription operation, object?[] arguments);
}
