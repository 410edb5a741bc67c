using System.Reflection;
using Ikosa.ServiceModel.Description;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>Creates objects implementing a service or callback contract interface whose calls go to an <see cref="IProxyCallHandler"/>.</summary>
public static class ContractProxy
{
    /// <summary>
    /// A <typeparamref name="T"/> backed by <paramref name="handler"/>. T is the contract's interface, or its callback
    /// interface when <paramref name="callbacks"/> is true. Sync methods block on the call; Task and Task&lt;T&gt;
    /// methods return its task; out/ref values come back through the parameters. The proxy derives from
    /// <typeparamref name="TBase"/>, so <c>proxy is ICommunicationObject</c> holds when TBase implements it.
    /// </summary>
    public static T Create<T, TBase>(ContractDescription contract, IProxyCallHandler handler, bool callbacks)
        where T : class
        where TBase : ContractProxyBase
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(handler);
        var expected = callbacks
            ? contract.CallbackContractType ?? throw new ArgumentException($"Contract '{contract.Name}' has no callback contract.", nameof(callbacks))
            : contract.ContractType;
        if (!expected.IsAssignableFrom(typeof(T)))
            throw new ArgumentException(
                $"{typeof(T).Name} is not the {(callbacks ? "callback contract" : "contract")} {expected.Name} of '{contract.Name}' (nor derived from it).");
        var proxy = DispatchProxy.Create<T, TBase>();
        ((ContractProxyBase)(object)proxy).Initialize(contract, handler);
        return proxy;
    }

    /// <summary>A plain proxy with no extra interfaces.</summary>
    public static T Create<T>(ContractDescription contract, IProxyCallHandler handler, bool callbacks) where T : class =>
        Create<T, PlainContractProxy>(contract, handler, callbacks);
}
