using System.Collections.Concurrent;
using System.Reflection;

namespace Ikosa.ServiceModel.Description;

/// <summary>
/// A service contract as the runtime sees it: its name and namespace, its operations and those of its callback
/// contract, looked up by Action (dispatch) or by method (proxies).
/// </summary>
public sealed class ContractDescription
{
    private static readonly ConcurrentDictionary<Type, ContractDescription> Cache = new();

    private readonly Dictionary<string, OperationDescription> operationsByAction;
    private readonly Dictionary<string, OperationDescription> callbacksByAction;
    private readonly Dictionary<MethodInfo, OperationDescription> operationsByMethod;

    internal ContractDescription(
        Type contractType,
        string name,
        string ns,
        Type? callbackContractType,
        SessionMode sessionMode,
        IReadOnlyList<OperationDescription> operations,
        IReadOnlyList<OperationDescription> callbackOperations)
    {
        ContractType = contractType;
        Name = name;
        Namespace = ns;
        CallbackContractType = callbackContractType;
        SessionMode = sessionMode;
        Operations = operations;
        CallbackOperations = callbackOperations;
        operationsByAction = operations.ToDictionary(operation => operation.Action, StringComparer.Ordinal);
        callbacksByAction = callbackOperations.ToDictionary(operation => operation.Action, StringComparer.Ordinal);
        operationsByMethod = operations.Concat(callbackOperations)
            .SelectMany(operation => operation.Methods.Select(method => (method, operation)))
            .ToDictionary(pair => pair.method, pair => pair.operation);
    }

    /// <summary>
    /// A description of a <see cref="ServiceContractAttribute"/> interface, its own as in WCF: a factory or a service
    /// endpoint may change its operations' behaviors without touching anyone else's. The attributes are read once per
    /// contract and cached; each call copies that. Throws <see cref="InvalidOperationException"/> naming the offending
    /// method when the attributes are inconsistent.
    /// </summary>
    public static ContractDescription GetContract(Type contractType)
    {
        ArgumentNullException.ThrowIfNull(contractType);
        var loaded = Cache.TryGetValue(contractType, out var cached) ? cached : Cache.GetOrAdd(contractType, ContractLoader.Load(contractType));
        return loaded.Copy();
    }

    private ContractDescription Copy() => new(ContractType, Name, Namespace, CallbackContractType, SessionMode,
        [.. Operations.Select(operation => new OperationDescription(operation))],
        [.. CallbackOperations.Select(operation => new OperationDescription(operation))]);

    public string Name { get; }

    public string Namespace { get; }

    public Type ContractType { get; }

    public Type? CallbackContractType { get; }

    public SessionMode SessionMode { get; }

    /// <summary>The service operations (client to server), including those of inherited contracts.</summary>
    public IReadOnlyList<OperationDescription> Operations { get; }

    /// <summary>The callback operations (server to client); their actions use this contract's namespace and name.</summary>
    public IReadOnlyList<OperationDescription> CallbackOperations { get; }

    /// <summary>The service operation for a request's Action, or null (then answer with an ActionNotSupported fault).</summary>
    public OperationDescription? FindByAction(string action) => operationsByAction.GetValueOrDefault(action);

    /// <summary>The callback operation for a callback message's Action, or null.</summary>
    public OperationDescription? FindCallbackByAction(string action) => callbacksByAction.GetValueOrDefault(action);

    /// <summary>The operation a contract or callback-contract method maps to; throws when it is not an operation.</summary>
    public OperationDescription GetOperation(MethodInfo method) =>
        TryGetOperation(method, out var operation)
            ? operation
            : throw new InvalidOperationException(
                $"Method '{method.DeclaringType?.Name}.{method.Name}' is not an operation of contract '{Name}': it has no [OperationContract] or belongs to another interface.");

    public bool TryGetOperation(MethodInfo method, out OperationDescription operation)
    {
        ArgumentNullException.ThrowIfNull(method);
        return operationsByMethod.TryGetValue(method, out operation!);
    }

    public override string ToString() => $"{Namespace} {Name} ({Operations.Count} operations, {CallbackOperations.Count} callbacks)";
}
