using System.Reflection;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;
using Microsoft.Extensions.Logging;

namespace Ikosa.ServiceModel.Client;

/// <summary>Runs the callbacks a server sends on a duplex client's session, on the client's callback instance.</summary>
internal sealed class CallbackDispatcher(DuplexSession session, ContractDescription contract, object? callbackInstance, ILogger logger)
    : CallDispatcher(session, BehaviorOf(callbackInstance)?.ConcurrencyMode ?? ConcurrencyMode.Single, singleCallsOnReceiveLoop: false, logger)
{
    protected override bool IncludeExceptionDetailInFaults => BehaviorOf(callbackInstance)?.IncludeExceptionDetailInFaults ?? false;

    protected override OperationDescription? FindOperation(string action) =>
        callbackInstance is null ? null : contract.FindCallbackByAction(action);

    /// <summary>A reply to a two-way callback goes to the ReplyTo the server gave (its own address).</summary>
    protected override string? ReplyAddress(Message request) => request.ReplyTo ?? WellKnownAddresses.Anonymous;

    protected override Task<object?> InvokeAsync(OperationDescription operation, object?[] arguments, Message request) =>
        OperationInvoker.InvokeAsync(callbackInstance!, operation, arguments);

    private static CallbackBehaviorAttribute? BehaviorOf(object? instance) => instance?.GetType().GetCustomAttribute<CallbackBehaviorAttribute>();
}
