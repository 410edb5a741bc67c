using System.Collections.Concurrent;
using System.Reflection;
using Ikosa.ServiceModel.Description;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>
/// The base of contract proxies: every contract method call goes to <see cref="IProxyCallHandler.CallAsync"/>.
/// Derive from it (non-abstract, public parameterless constructor) to give proxies more interfaces, such as a
/// channel's ICommunicationObject; <see cref="DispatchProxy"/> generates the proxy type as a subclass of yours.
/// </summary>
public abstract class ContractProxyBase : DispatchProxy
{
    private static readonly ConcurrentDictionary<Type, Func<ContractProxyBase, OperationDescription, object?[], object>> TypedCalls = new();
    private static readonly MethodInfo TypedCallMethod =
        typeof(ContractProxyBase).GetMethod(nameof(CallAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private ContractDescription? contract;
    private IProxyCallHandler? handler;

    public ContractDescription Contract => contract ?? throw NotInitialized();

    public IProxyCallHandler Handler => handler ?? throw NotInitialized();

    internal void Initialize(ContractDescription contractDescription, IProxyCallHandler callHandler)
    {
        contract = contractDescription;
        handler = callHandler;
    }

    /// <summary>
    /// Handles a method of the proxied interface that is not an operation (say, one of a channel interface the
    /// contract interface also derives from). The default refuses it.
    /// </summary>
    protected virtual object? InvokeNonOperation(MethodInfo method, object?[] arguments) =>
        throw new NotSupportedException(
            $"Method '{method.DeclaringType?.Name}.{method.Name}' is not an operation of contract '{Contract.Name}'.");

    protected sealed override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var arguments = args ?? [];
        if (!Contract.TryGetOperation(targetMethod, out var operation))
            return InvokeNonOperation(targetMethod, arguments);
        // DispatchProxy passes null for out parameters; the handler sees their defaults, as the server does.
        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            if (operation.Parameters[i] is { Direction: ParameterDirection.Out } parameter)
                arguments[parameter.Position] = OperationFormatter.DefaultValue(parameter.Type);
        }

        if (OperationSignature.IsTaskBased(targetMethod))
            return targetMethod.ReturnType == typeof(Task) ? CallAsync<object?>(operation, arguments) : TypedCall(targetMethod.ReturnType)(this, operation, arguments);

        // A sync method blocks; the exception the handler raises comes out as it is (GetResult does not wrap it).
        var result = Handler.CallAsync(operation, arguments).GetAwaiter().GetResult();
        return ToReturnValue(targetMethod.ReturnType, result);
    }

    /// <summary>The typed call for a method returning <paramref name="taskType"/> (a Task&lt;T&gt;): made once per T.</summary>
    private static Func<ContractProxyBase, OperationDescription, object?[], object> TypedCall(Type taskType) =>
        TypedCalls.GetOrAdd(taskType, type => TypedCallMethod.MakeGenericMethod(type.GetGenericArguments()[0])
            .CreateDelegate<Func<ContractProxyBase, OperationDescription, object?[], object>>());

    /// <summary>Runs the handler so that even an exception it throws synchronously ends up in the returned task.</summary>
    private async Task<T> CallAsync<T>(OperationDescription operation, object?[] arguments) =>
        (T)ToReturnValue(typeof(T), await Handler.CallAsync(operation, arguments).ConfigureAwait(false))!;

    /// <summary>A null result for a value type becomes its default (unboxing null would throw).</summary>
    private static object? ToReturnValue(Type returnType, object? result) =>
        result is null && returnType.IsValueType && returnType != typeof(void) ? Activator.CreateInstance(returnType) : result;

    private static InvalidOperationException NotInitialized() =>
        new("This contract proxy was not created by ContractProxy.Create.");
}
