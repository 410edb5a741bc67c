namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>
/// WCF's IOperationInvoker, in the one asynchronous shape CoreWCF gave it: runs an operation on a service instance. The
/// runtime's own invoker calls the implementation method (sync or Task-based); a behavior wraps it to add a per-call
/// concern (authorization, validation, mapping) in one place. A wrapper calls the invoker it replaced to run the
/// operation, or throws a <see cref="FaultException"/> to refuse the call.
/// </summary>
public interface IOperationInvoker
{
    /// <summary>
    /// The operation's result (null for void); out/ref values are written back into <paramref name="inputs"/>, which
    /// holds one value per parameter in declaration order.
    /// </summary>
    Task<object?> InvokeAsync(object instance, object?[] inputs);
}
