using System.Reflection;

namespace Ikosa.ServiceModel.Description;

/// <summary>
/// Reads the contract attributes of an interface into a <see cref="ContractDescription"/>, applying WCF's naming
/// rules and refusing what WCF refuses, with an error that names the contract and method.
/// </summary>
internal static class ContractLoader
{
    public static ContractDescription Load(Type contractType)
    {
        if (!contractType.IsInterface)
            throw Invalid(contractType, "is not an interface; a service contract must be an interface marked [ServiceContract]");
        var attribute = contractType.GetCustomAttribute<ServiceContractAttribute>()
            ?? throw Invalid(contractType, "has no [ServiceContract] attribute");
        if (contractType.ContainsGenericParameters)
            throw Invalid(contractType, "is an open generic type");

        var name = ContractName(contractType, attribute);
        var ns = attribute.Namespace ?? ContractNaming.DefaultNamespace;
        var callbackType = attribute.CallbackContract;
        if (callbackType is not null && !callbackType.IsInterface)
            throw Invalid(contractType, $"names callback contract '{callbackType.Name}', which is not an interface");

        var operations = new List<OperationDescription>();
        foreach (var declaring in ContractInterfaces(contractType))
        {
            var declaringAttribute = declaring.GetCustomAttribute<ServiceContractAttribute>()!;
            var declaringName = ContractName(declaring, declaringAttribute);
            var declaringNs = declaringAttribute.Namespace ?? ContractNaming.DefaultNamespace;
            operations.AddRange(LoadOperations(declaring, declaringName, declaringNs, isCallback: false));
        }

        var callbackOperations = new List<OperationDescription>();
        if (callbackType is not null)
        {
            // WCF adds callback operations to the service contract, so their actions use the service's ns and name.
            foreach (var callbackInterface in new[] { callbackType }.Concat(callbackType.GetInterfaces()))
                callbackOperations.AddRange(LoadOperations(callbackInterface, name, ns, isCallback: true));
        }

        if (operations.Count == 0)
            throw Invalid(contractType, "has no operations; mark at least one method [OperationContract]");
        CheckSessionRules(contractType, attribute.SessionMode, operations);
        CheckUniqueActions(contractType, operations, "operations");
        CheckUniqueActions(contractType, callbackOperations, "callback operations");

        return new ContractDescription(contractType, name, ns, callbackType, attribute.SessionMode, operations, callbackOperations);
    }

    private static string ContractName(Type contractType, ServiceContractAttribute attribute)
    {
        if (attribute.Name is { Length: 0 })
            throw Invalid(contractType, "has an empty [ServiceContract] Name");
        return ContractNaming.XmlName(attribute.Name ?? ContractNaming.TypeName(contractType));
    }

    /// <summary>The interface itself, then the base interfaces that are service contracts too (others, like IDisposable, are ignored).</summary>
    private static IEnumerable<Type> ContractInterfaces(Type contractType) =>
        new[] { contractType }.Concat(contractType.GetInterfaces().Where(type => type.IsDefined(typeof(ServiceContractAttribute), inherit: false)));

    private static List<OperationDescription> LoadOperations(Type declaring, string contractName, string ns, bool isCallback)
    {
        var contractKnownTypes = declaring.GetCustomAttributes<ServiceKnownTypeAttribute>().Select(known => known.Type).ToList();
        var byName = new Dictionary<string, OperationDescription>(StringComparer.Ordinal);
        var loaded = new List<OperationDescription>();
        foreach (var method in declaring.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                     .OrderBy(method => method.MetadataToken))
        {
            var attribute = method.GetCustomAttribute<OperationContractAttribute>();
            if (attribute is null)
                continue;
            var operation = LoadOperation(method, attribute, contractName, ns, isCallback, contractKnownTypes);
            if (byName.TryGetValue(operation.Name, out var twin))
            {
                MergeTwins(twin, operation);
                continue;
            }
            byName.Add(operation.Name, operation);
            loaded.Add(operation);
        }
        return loaded;
    }

    private static OperationDescription LoadOperation(
        MethodInfo method, OperationContractAttribute attribute, string contractName, string ns, bool isCallback, List<Type> contractKnownTypes)
    {
        if (method.IsGenericMethodDefinition)
            throw Invalid(method, "is generic; operations cannot have type parameters");
        if (OperationSignature.IsUnsupportedAsyncType(method.ReturnType))
            throw Invalid(method, $"returns {method.ReturnType.Name}; use Task or Task<T> for asynchronous operations");
        if (attribute.Name is { Length: 0 })
            throw Invalid(method, "has an empty [OperationContract] Name");

        var isTaskBased = OperationSignature.IsTaskBased(method);
        var name = ContractNaming.XmlName(attribute.Name ?? OperationName(method, isTaskBased));
        var parameters = method.GetParameters().Select(parameter => LoadParameter(method, parameter)).ToList();
        var outputs = parameters.Where(parameter => parameter.IsOutput).ToList();
        if (isTaskBased && outputs.Count > 0)
            throw Invalid(method, $"is Task-based and has out/ref parameter '{outputs[0].Name}'; Task-based operations cannot have out/ref parameters");

        var faultAttributes = method.GetCustomAttributes<FaultContractAttribute>().ToList();
        if (attribute.IsOneWay)
        {
            if (OperationSignature.UnwrapReturnType(method) != typeof(void))
                throw Invalid(method, "is one-way (IsOneWay = true) but returns a value; one-way operations must return void or Task");
            if (outputs.Count > 0)
                throw Invalid(method, $"is one-way (IsOneWay = true) but has out/ref parameter '{outputs[0].Name}'");
            if (faultAttributes.Count > 0)
                throw Invalid(method, "is one-way (IsOneWay = true) but declares a [FaultContract]; one-way operations cannot return faults");
        }

        var action = attribute.Action ?? ContractNaming.DefaultAction(ns, contractName, name, isResponse: false);
        var replyAction = attribute.ReplyAction ?? ContractNaming.DefaultAction(ns, contractName, name, isResponse: true);
        var faults = LoadFaults(method, faultAttributes, ns, contractName, name);
        var knownTypes = contractKnownTypes
            .Concat(method.GetCustomAttributes<ServiceKnownTypeAttribute>().Select(known => known.Type))
            .Distinct()
            .ToList();
        return new OperationDescription(method, name, contractName, ns, action, replyAction, attribute, isCallback, parameters, faults, knownTypes);
    }

    /// <summary>The method name, without the <c>Async</c> suffix of a Task-based method (FooAsync is operation Foo).</summary>
    private static string OperationName(MethodInfo method, bool isTaskBased) =>
        isTaskBased && method.Name.Length > "Async".Length && method.Name.EndsWith("Async", StringComparison.Ordinal)
            ? method.Name[..^"Async".Length]
            : method.Name;

    private static ParameterDescription LoadParameter(MethodInfo method, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var name = ContractNaming.XmlName(parameter.Name ?? $"arg{parameter.Position}");
        if (type.IsPointer || type.IsByRefLike)
            throw Invalid(method, $"has parameter '{name}' of type {type.Name}, which cannot be serialized");
        if (!type.IsByRef)
            return new ParameterDescription(name, type, ParameterDirection.In, parameter.Position);
        if (parameter.IsIn && !parameter.IsOut)
            throw Invalid(method, $"has 'in' parameter '{name}'; use a plain, out or ref parameter");
        var direction = parameter.IsOut ? ParameterDirection.Out : ParameterDirection.Ref;
        return new ParameterDescription(name, type.GetElementType()!, direction, parameter.Position);
    }

    private static List<FaultDescription> LoadFaults(
        MethodInfo method, List<FaultContractAttribute> attributes, string ns, string contractName, string operationName)
    {
        var faults = new List<FaultDescription>();
        foreach (var attribute in attributes)
        {
            if (faults.Any(fault => fault.DetailType == attribute.DetailType))
                throw Invalid(method, $"declares [FaultContract(typeof({attribute.DetailType.Name}))] twice");
            var name = ContractNaming.XmlName(attribute.Name ?? ContractNaming.TypeName(attribute.DetailType) + "Fault");
            // WCF builds the fault action from the default operation action, even when the operation's Action is explicit.
            var action = attribute.Action ?? ContractNaming.DefaultAction(ns, contractName, operationName, isResponse: false) + name;
            faults.Add(new FaultDescription(attribute.DetailType, action, name, attribute.Namespace ?? ns));
        }
        return faults;
    }

    /// <summary>A sync method and its Task twin (Echo / EchoAsync) are one operation; anything else sharing a name is an error.</summary>
    private static void MergeTwins(OperationDescription existing, OperationDescription twin)
    {
        var method = twin.Method;
        if (existing.IsTaskBased == twin.IsTaskBased || existing.Methods.Count > 1)
            throw Invalid(method, $"has the same operation name '{twin.Name}' as '{existing.Method.Name}'; set a distinct [OperationContract] Name");
        var sameShape = existing.ReturnType == twin.ReturnType &&
            existing.Action == twin.Action && existing.ReplyAction == twin.ReplyAction &&
            existing.IsOneWay == twin.IsOneWay &&
            existing.Parameters.Count == twin.Parameters.Count &&
            existing.Parameters.Zip(twin.Parameters).All(pair => pair.First.Name == pair.Second.Name && pair.First.Type == pair.Second.Type);
        if (!sameShape)
            throw Invalid(method, $"is the Task twin of '{existing.Method.Name}' (operation '{twin.Name}') but its parameters, result or attributes differ");
        existing.AddMethod(method);
    }

    private static void CheckSessionRules(Type contractType, SessionMode sessionMode, List<OperationDescription> operations)
    {
        if (sessionMode != SessionMode.Required)
        {
            var sessionful = operations.FirstOrDefault(operation => !operation.IsInitiating || operation.IsTerminating);
            if (sessionful is not null)
                throw Invalid(sessionful.Method, "sets IsInitiating = false or IsTerminating = true, which needs [ServiceContract(SessionMode = SessionMode.Required)]");
        }
        if (operations.All(operation => !operation.IsInitiating))
            throw Invalid(contractType, "has no initiating operation; at least one operation must keep IsInitiating = true");
    }

    private static void CheckUniqueActions(Type contractType, List<OperationDescription> operations, string what)
    {
        foreach (var group in operations.GroupBy(operation => operation.Action, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            var names = string.Join("', '", group.Select(operation => operation.Method.Name));
            throw Invalid(contractType, $"has {what} '{names}' with the same Action '{group.Key}'");
        }
    }

    private static InvalidOperationException Invalid(Type type, string problem) =>
        new($"Contract '{type.FullName}' {problem}.");

    private static InvalidOperationException Invalid(MethodInfo method, string problem) =>
        new($"Operation method '{method.DeclaringType?.FullName}.{method.Name}' {problem}.");
}
