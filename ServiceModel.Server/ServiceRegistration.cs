using System.Net;
using System.Net.Security;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;
using Ikosa.ServiceModel.Server;

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
        // As WCF: attributes on the service class that are service behaviors apply to it, inherited ones included.
        Behaviors = serviceType.GetCustomAttributes(inherit: true).OfType<IServiceBehavior>().ToList();
    }

    public Type ServiceType { get; }

    /// <summary>The one instance of an InstanceContextMode.Single service given to the host, if any.</summary>
    public object? SingletonInstance { get; }

    internal Func<object>? Factory { get; }

    /// <summary>Instancing, concurrency and fault detail: from [ServiceBehavior], changeable until the host opens.</summary>
    public ServiceBehaviorSettings Behavior { get; }

    public IReadOnlyList<ServiceEndpoint> Endpoints => _endpoints;

    /// <summary>Applied in order when the host opens (WCF's ServiceDescription.Behaviors); from the class's attributes, and any added.</summary>
    public IList<IServiceBehavior> Behaviors { get; }

    /// <summary>
    /// How each operation of the endpoints' contracts runs: built when the host opens, for the behaviors'
    /// ApplyDispatchBehavior to change; empty before.
    /// </summary>
    public IReadOnlyList<DispatchOperation> DispatchOperations => _dispatchOperations;

    /// <summary>
    /// The TLS certificate (with its private key) for this service's SecurityMode.Transport endpoints
    /// (WCF's Credentials.ServiceCertificate); from <c>serviceCredentials/serviceCertificate</c> when configured.
    /// </summary>
    public X509Certificate2? ServiceCertificate
    {
        get => _serviceCertificate;
        set
        {
            _host.EnsureNotOpened();
            _serviceCertificate = value;
        }
    }

    /// <summary>
    /// Adds an endpoint; a relative <paramref name="address"/> is resolved against the host's net.tcp base address. The
    /// service's endpoints of one contract share its description (<see cref="ServiceEndpoint.Contract"/>), whose
    /// operations' behaviors may be changed until the host opens.
    /// </summary>
    public ServiceEndpoint AddServiceEndpoint(Type contractType, NetTcpBinding binding, string address)
    {
        if (!contractType.IsAssignableFrom(ServiceType))
            throw new InvalidOperationException($"The service type {ServiceType.Name} does not implement the contract {contractType.Name}.");
        var contract = _endpoints.FirstOrDefault(e => e.Contract.ContractType == contractType)?.Contract
                       ?? Description.ContractDescription.GetContract(contractType);
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

    private X509Certificate2? _serviceCertificate;
    private DispatchOperation[] _dispatchOperations = [];
    private Dictionary<OperationDescription, DispatchOperation> _dispatchByOperation = new();
    private SslStreamCertificateContext? _certificateContext;
    private CallThrottle? _callThrottle;
    private int _activeSessions;

    /// <summary>Sessions open now.</summary>
    internal int ActiveSessions => Volatile.Read(ref _activeSessions);

    /// <summary>The certificate as TLS serves it, its chain built once; set when the host opens.</summary>
    internal SslStreamCertificateContext ServerCertificateContext =>
        _certificateContext ?? throw new InvalidOperationException($"Service {ServiceType.Name} has no service certificate.");

    /// <summary>The maxConcurrentCalls gate, or null when calls are not limited; set when the host opens.</summary>
    internal CallThrottle? CallThrottle => _callThrottle;

    internal void EnsureHostNotOpened() => _host.EnsureNotOpened();

    /// <summary>How <paramref name="operation"/> of one of the endpoints' contracts runs; set when the host opens.</summary>
    internal DispatchOperation Dispatch(OperationDescription operation) => _dispatchByOperation[operation];

    /// <summary>
    /// Checks what the endpoints need, freezes the behavior's limits into their run-time gates, and builds the dispatch
    /// of every operation through the service behaviors.
    /// </summary>
    internal void PrepareToOpen()
    {
        ApplyServiceBehaviors();
        var secured = _endpoints.FirstOrDefault(e => e.Binding.Security.Mode == SecurityMode.Transport);
        if (secured is not null)
        {
            if (_serviceCertificate is null)
                throw new InvalidOperationException(
                    $"The endpoint {secured} uses SecurityMode.Transport (TLS) but service {ServiceType.FullName} has no certificate. " +
                    "Configure <serviceCredentials><serviceCertificate pfxFile=\"...\"/> in its service behavior, or set ServiceRegistration.ServiceCertificate.");
            if (!_serviceCertificate.HasPrivateKey)
                throw new InvalidOperationException(
                    $"The certificate of service {ServiceType.FullName} ('{_serviceCertificate.Subject}') has no private key; a TLS server needs one.");
            _certificateContext ??= SslStreamCertificateContext.Create(_serviceCertificate, additionalCertificates: null, offline: true);
        }
        if (Behavior.MaxConcurrentCalls < int.MaxValue)
            _callThrottle = new CallThrottle(Behavior.MaxConcurrentCalls);
    }

    /// <summary>Sessions from each remote address that have not authenticated yet.</summary>
    internal PerAddressCounts UnauthenticatedSessions { get; } = new();

    /// <summary>
    /// Takes a place for a new session from <paramref name="address"/>: null, with the reason, when that address already
    /// has MaxUnauthenticatedSessionsPerAddress sessions waiting to authenticate, or MaxConcurrentSessions are open.
    /// </summary>
    internal SessionSlot? TryEnterSession(IPAddress address, out Refusal refusal)
    {
        if (UnauthenticatedSessions.TryAdd(address, Behavior.MaxUnauthenticatedSessionsPerAddress) != AddressAdmission.Admitted)
        {
            refusal = Refusal.UnauthenticatedFromAddress;
            return null;
        }
        if (Interlocked.Increment(ref _activeSessions) > Behavior.MaxConcurrentSessions)
        {
            Interlocked.Decrement(ref _activeSessions);
            UnauthenticatedSessions.Remove(address);
            refusal = Refusal.Sessions;
            return null;
        }
        refusal = default;
        return new SessionSlot(this, address);
    }

    internal void ExitSession() => Interlocked.Decrement(ref _activeSessions);

    private void ApplyServiceBehaviors()
    {
        _dispatchOperations = _endpoints.Select(endpoint => endpoint.Contract).Distinct()
            .SelectMany(contract => contract.Operations.Select(operation => new DispatchOperation(operation, ImplementationOf(operation))))
            .ToArray();
        _dispatchByOperation = _dispatchOperations.ToDictionary(dispatch => dispatch.Description);
        foreach (var behavior in Behaviors)
            behavior.Validate(this, _host);
        foreach (var behavior in Behaviors)
            behavior.ApplyDispatchBehavior(this, _host);
        foreach (var dispatch in _dispatchOperations)
            dispatch.Freeze();
    }

    private MethodInfo ImplementationOf(OperationDescription operation)
    {
        // A factory typed as the contract itself (a proxy, a mock) has no class to map to: the contract method stands in.
        if (ServiceType.IsInterface)
            return operation.Method;
        var map = ServiceType.GetInterfaceMap(operation.Method.DeclaringType!);
        return map.TargetMethods[Array.IndexOf(map.InterfaceMethods, operation.Method)];
    }

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
    public int MaxConcurrentSessions { get => _maxConcurrentSessions; set => _maxConcurrentSessions = Positive(value); }

    /// <summary>Calls beyond this many across the service wait for a free slot.</summary>
    public int MaxConcurrentCalls { get => _maxConcurrentCalls; set => _maxConcurrentCalls = Positive(value); }

    /// <summary>
    /// An Ikosa extension: a session the service has not marked authenticated
    /// (<see cref="OperationContext.MarkSessionAuthenticated"/>) this long after it opened is closed.
    /// Infinite (the default) when the service does not ask its sessions to authenticate.
    /// </summary>
    public TimeSpan SessionAuthenticationTimeout
    {
        get => _sessionAuthenticationTimeout;
        set => _sessionAuthenticationTimeout = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A timeout must be positive.");
    }

    /// <summary>
    /// An Ikosa extension: sessions from one remote address that have not authenticated yet; a new session beyond it
    /// gets ServerTooBusy. Unlimited by default.
    /// </summary>
    public int MaxUnauthenticatedSessionsPerAddress { get => _maxUnauthenticatedSessionsPerAddress; set => _maxUnauthenticatedSessionsPerAddress = Positive(value); }

    /// <summary>
    /// Takes what a configured behavior sets (all but the certificate). serviceDebug adds to [ServiceBehavior]: either
    /// one asking for exception detail turns it on, as in WCF.
    /// </summary>
    public void Apply(Configuration.ServiceBehaviorConfig behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        IncludeExceptionDetailInFaults |= behavior.IncludeExceptionDetailInFaults;
        if (behavior.MaxConcurrentSessions is { } sessions)
            MaxConcurrentSessions = sessions;
        if (behavior.MaxConcurrentCalls is { } calls)
            MaxConcurrentCalls = calls;
        if (behavior.SessionAuthenticationTimeout is { } timeout)
            SessionAuthenticationTimeout = timeout;
        if (behavior.MaxUnauthenticatedSessionsPerAddress is { } perAddress)
            MaxUnauthenticatedSessionsPerAddress = perAddress;
    }

    private static int Positive(int value) => value > 0
        ? value
        : throw new ArgumentOutOfRangeException(nameof(value), value, "A throttle must be at least 1.");

    private int _maxConcurrentSessions = int.MaxValue;
    private int _maxConcurrentCalls = int.MaxValue;
    private TimeSpan _sessionAuthenticationTimeout = Timeout.InfiniteTimeSpan;
    private int _maxUnauthenticatedSessionsPerAddress = int.MaxValue;
}
