namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>
/// WCF's IParameterInspector: sees an operation's arguments before it runs (and may refuse them by throwing a
/// <see cref="FaultException"/>) and its results after. Added to <see cref="DispatchOperation.ParameterInspectors"/>.
/// </summary>
public interface IParameterInspector
{
    /// <summary>Before the invoker runs; the value returned comes back to <see cref="AfterCall"/> as its correlation state.</summary>
    object? BeforeCall(string operationName, object?[] inputs);

    /// <summary>After the operation succeeded; <paramref name="outputs"/> holds every argument, out/ref ones as returned.</summary>
    void AfterCall(string operationName, object?[] outputs, object? returnValue, object? correlationState);
}
