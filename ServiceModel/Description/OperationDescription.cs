using System.Reflection;
using System.Runtime.Serialization;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.ServiceModel.Description;

/// <summary>
/// One operation of a contract (or of its callback contract): names, actions, parameters, faults and the
/// formatter that turns its calls into messages, and its behaviors. Built by <see cref="ContractDescription.GetContract"/>;
/// each description (a factory's, a service's) has its own, so changing one's behaviors changes no other.
/// </summary>
public sealed class OperationDescription
{
    private readonly List<MethodInfo> methods;

    internal OperationDescription(
        MethodInfo method,
        string name,
        string contractName,
        string contractNamespace,
        string action,
        string replyAction,
        OperationContractAttribute attribute,
        bool isCallback,
        IReadOnlyList<ParameterDescription> parameters,
        IReadOnlyList<FaultDescription> faults,
        IReadOnlyList<Type> knownTypes)
    {
        Method = method;
        methods = [method];
        Name = name;
        ContractName = contractName;
        ContractNamespace = contractNamespace;
        Action = action;
        ReplyAction = replyAction;
        IsOneWay = attribute.IsOneWay;
        IsInitiating = attribute.IsInitiating;
        IsTerminating = attribute.IsTerminating;
        IsCallback = isCallback;
        Parameters = parameters;
        Faults = faults;
        KnownTypes = knownTypes;
        IsTaskBased = OperationSignature.IsTaskBased(method);
        ReturnType = OperationSignature.UnwrapReturnType(method);
        OperationBehaviors = new KeyedByTypeCollection<object>([new DataContractSerializerOperationBehavior(this)]);
        Formatter = new OperationFormatter(this);
    }

    /// <summary>A fresh copy of <paramref name="template"/>: the same operation with its own formatter and default behaviors.</summary>
    internal OperationDescription(OperationDescription template)
        : this(template.Method, template.Name, template.ContractName, template.ContractNamespace, template.Action, template.ReplyAction,
            new OperationContractAttribute { IsOneWay = template.IsOneWay, IsInitiating = template.IsInitiating, IsTerminating = template.IsTerminating },
            template.IsCallback, template.Parameters, template.Faults, template.KnownTypes)
    {
        foreach (var method in template.Methods.Skip(1))
            AddMethod(method);
    }

    /// <summary>The operation name: the body element of requests, and the stem of Action and reply elements.</summary>
    public string Name { get; }

    /// <summary>The contract name used in the Action (the service contract's, also for callbacks).</summary>
    public string ContractName { get; }

    /// <summary>The namespace of the Action and of the body elements.</summary>
    public string ContractNamespace { get; }

    public string Action { get; }

    /// <summary>The reply's Action; meaningless for one-way operations.</summary>
    public string ReplyAction { get; }

    public bool IsOneWay { get; }

    /// <summary>
    /// False: the operation may not start a session. Only exposed here: the server's session dispatcher enforces it
    /// (a first message of a session for a non-initiating operation gets a fault).
    /// </summary>
    public bool IsInitiating { get; }

    /// <summary>True: the session closes once the operation has completed. Enforced by the session dispatcher.</summary>
    public bool IsTerminating { get; }

    /// <summary>Defined by the callback contract: the service calls it on the client.</summary>
    public bool IsCallback { get; }

    /// <summary>The method that defines the operation (the first declared when a sync and a Task method share it).</summary>
    public MethodInfo Method { get; }

    /// <summary>Every method mapped to this operation: a sync method and its <c>…Async</c> twin may share one.</summary>
    public IReadOnlyList<MethodInfo> Methods => methods;

    /// <summary><see cref="Method"/> returns Task or Task&lt;T&gt;.</summary>
    public bool IsTaskBased { get; }

    /// <summary>The result type, unwrapped from Task&lt;T&gt;; <c>typeof(void)</c> for void and Task.</summary>
    public Type ReturnType { get; }

    public IReadOnlyList<ParameterDescription> Parameters { get; }

    public IReadOnlyList<FaultDescription> Faults { get; }

    /// <summary>Known types for the serializer: the contract's and the method's <see cref="ServiceKnownTypeAttribute"/>s.</summary>
    public IReadOnlyList<Type> KnownTypes { get; }

    public OperationFormatter Formatter { get; }

    /// <summary>
    /// The operation's behaviors (WCF's OperationBehaviors): a <see cref="DataContractSerializerOperationBehavior"/> is
    /// always there, for a <see cref="DataContractResolver"/>.
    /// </summary>
    public KeyedByTypeCollection<object> OperationBehaviors { get; }

    /// <summary>New serializer settings as the operation's behaviors ask (the known types, and a resolver if one was set).</summary>
    internal DataContractSerializerSettings SerializerSettings() =>
        OperationBehaviors.Find<DataContractSerializerOperationBehavior>() is { } behavior
            ? behavior.SettingsFor(KnownTypes)
            : new DataContractSerializerSettings { KnownTypes = KnownTypes };

    /// <summary>The declared fault whose detail type is exactly <paramref name="detailType"/>, or null.</summary>
    public FaultDescription? FindFault(Type detailType) => Faults.FirstOrDefault(fault => fault.DetailType == detailType);

    internal void AddMethod(MethodInfo method) => methods.Add(method);

    public override string ToString() => $"{ContractName}.{Name} ({Action})";
}
