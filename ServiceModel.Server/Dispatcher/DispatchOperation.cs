using System.Collections.ObjectModel;
using System.Reflection;
using Ikosa.ServiceModel.Description;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>
/// How the server runs one operation of a service (WCF's DispatchOperation): the invoker and the parameter inspectors.
/// Service behaviors change them while the host opens; after that they are fixed.
/// </summary>
public sealed class DispatchOperation
{
    private IOperationInvoker _invoker;
    private IList<IParameterInspector> _parameterInspectors = new List<IParameterInspector>();
    private IParameterInspector[] _inspectors = [];
    private bool _frozen;

    internal DispatchOperation(OperationDescription description, MethodInfo implementationMethod)
    {
        Description = description;
        ImplementationMethod = implementationMethod;
        _invoker = new MethodInvoker(description);
    }

    public string Name => Description.Name;

    public string Action => Description.Action;

    public OperationDescription Description { get; }

    /// <summary>The service class's method that implements the operation: where a behavior reads what a service declares per operation.</summary>
    public MethodInfo ImplementationMethod { get; }

    /// <summary>Runs the operation; the runtime's own calls the implementation method. Wrap it to add a per-call concern.</summary>
    public IOperationInvoker Invoker
    {
        get => _invoker;
        set
        {
            EnsureNotFrozen();
            _invoker = value ?? throw new ArgumentNullException(nameof(value));
        }
    }

    /// <summary>Called in order before the invoker, and in reverse order after it succeeded.</summary>
    public IList<IParameterInspector> ParameterInspectors => _parameterInspectors;

    internal void Freeze()
    {
        _inspectors = [.. _parameterInspectors];
        _parameterInspectors = new ReadOnlyCollection<IParameterInspector>(_inspectors);
        _frozen = true;
    }

    internal Task<object?> InvokeAsync(object instance, object?[] arguments) =>
        _inspectors.Length == 0 ? _invoker.InvokeAsync(instance, arguments) : InvokeInspectedAsync(instance, arguments);

    private async Task<object?> InvokeInspectedAsync(object instance, object?[] arguments)
    {
        var states = new object?[_inspectors.Length];
        for (var i = 0; i < _inspectors.Length; i++)
            states[i] = _inspectors[i].BeforeCall(Name, arguments);
        var result = await _invoker.InvokeAsync(instance, arguments).ConfigureAwait(false);
        for (var i = _inspectors.Length - 1; i >= 0; i--)
            _inspectors[i].AfterCall(Name, arguments, result, states[i]);
        return result;
    }

    private void EnsureNotFrozen()
    {
        if (_frozen)
            throw new InvalidOperationException($"The dispatch of operation '{Name}' is fixed once the host has opened; change it in a service behavior.");
    }

    public override string ToString() => $"{Name} ({ImplementationMethod.DeclaringType?.Name}.{ImplementationMethod.Name})";

    /// <summary>The runtime's own invoker: the implementation method, sync or Task-based.</summary>
    private sealed class MethodInvoker(OperationDescription operation) : IOperationInvoker
    {
        public Task<object?> InvokeAsync(object instance, object?[] inputs) => OperationInvoker.InvokeAsync(instance, operation, inputs);
    }
}
