using System.Reflection;

namespace Ikosa.ServiceModel;

/// <summary>A service implementation offered by a <see cref="ServiceHost"/>, with its behavior and endpoints.</summary>
public sealed class ServiceRegistration
{
    private readonly ServiceHost _host;
    private readonly List<ServiceEndpoint> _endpoints = new();

    internal ServiceRegistration(ServiceHost host, Type serviceType, object? singletonInstance, Func<object>? factory)
    {
        _host = host;
        ServiceType = serviceType;
        SingletonInstance = singletonInstance;
        Factory = factory;
        _singleton = new Lazy<object>(() => SingletonInstance ?? CreateInstance());
        var attribute = serviceType.GetCustomAttribute<ServiceBehaviorAttribute>();
        Behavior = new ServiceBehaviorSettings
        {
            InstanceContextMode = singletonInstance is not null ? InstanceContextMode.Single : attribute?.InstanceContextMode ?? InstanceContextMode.PerSession,
            ConcurrencyMode = attribute?.ConcurrencyMode ?? ConcurrencyMode.Single,
            IncludeExceptionDetailInFaults = attribute?.IncludeExceptionDetailInFaults ?? false,
        };
    }

    public Type ServiceType { get; }

    /// <summary>The one instance of an InstanceContextMode.Single service given to the host, if any.</summary>
    public object? SingletonInstance { get; }

    internal Func<object>? Factory { get; }

    /// <summary>Instancing, concurrency and fault detail: from [ServiceBehavior], changeable until the host opens.</summary>
    public ServiceBehaviorSettings Behavior { get; }

    public IReadOnlyList<ServiceEndpoint> Endpoints => _endpoints;

    /// <summary>Adds an endpoint; a relative <paramref name="address"/> is resolved against the host's net.tcp base address.</summary>
    public ServiceEndpoint AddServiceEndpoint(Type contractType, NetTcpBinding binding, string address)
    {
        var contract = Description.ContractDescription.GetContract(contractType);
        if (!contractType.IsAssignableFrom(ServiceType))
            throw new InvalidOperationException($"The service type {ServiceType.Name} does not implement the contract {contractType.Name}.");
        var endpoint = new ServiceEndpoint(this, contract, binding, _host.ResolveAddress(address));
        _host.EnsureNotOpened();
        _endpoints.Add(endpoint);
        return endpoint;
    }

    public ServiceEndpoint AddServiceEndpoint<TContract>(NetTcpBinding binding, string address) => AddServiceEndpoint(typeof(TContract), binding, address);

    private readonly Lazy<object> _singleton;

    /// <summary>Serialises calls into a Single instance under ConcurrencyMode.Single, across all its sessions.</summary>
    internal SemaphoreSlim SingletonCallLock { get; } = new(1, 1);

    /// <summary>The instance every session shares under InstanceContextMode.Single, made on first use.</summary>
    internal object SingletonInstanceForCalls => _singleton.Value;

    private int _activeSessions;

    /// <summary>Takes a session slot; false when MaxConcurrentSessions are already open.</summary>
    internal bool TryEnterSession()
    {
        if (Interlocked.Increment(ref _activeSessions) <= Behavior.MaxConcurrentSessions)
            return true;
        Interlocked.Decrement(ref _activeSessions);
        return false;
    }

    internal void ExitSession() => Interlocked.Decrement(ref _activeSessions);

    internal object CreateInstance() => Factory?.Invoke() ?? Activator.CreateInstance(ServiceType)
        ?? throw new InvalidOperationException($"Could not create an instance of {ServiceType.Name}.");
}

/// <summary>The service behavior in force for a registration (WCF's ServiceBehaviorAttribute, or its config).</summary>
public sealed class ServiceBehaviorSettings
{
    public InstanceContextMode InstanceContextMode { get; set; }

    public ConcurrencyMode ConcurrencyMode { get; set; }

    public bool IncludeExceptionDetailInFaults { get; set; }

    /// <summary>Sessions beyond this many are refused with the ServerTooBusy fault (WCF's serviceThrottling).</summary>
    public int MaxConcurrentSessions { get; set; } = int.MaxValue;

    /// <summary>Calls beyond this many across the service wait for a free slot.</summary>
    public int MaxConcurrentCalls { get; set; } = int.MaxValue;
}
