using System.Reflection;
using Ikosa.ServiceModel.Configuration;
using Ikosa.ServiceModel.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.ServiceModel;

/// <summary>
/// Hosts one or more services over net.tcp. Endpoints on the same port share one listener and are routed by the
/// Via path. Close is graceful: stop accepting, finish the calls in flight, end every session with End.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly List<Uri> _baseAddresses;
    private readonly List<ServiceRegistration> _services = new();
    private Server.NetTcpListener? _listener;

    public ServiceHost(ILoggerFactory? loggerFactory, params Uri[] baseAddresses)
    {
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _baseAddresses = baseAddresses.ToList();
        foreach (var address in _baseAddresses)
            if (address.Scheme != "net.tcp")
                throw new ArgumentException($"Base address {address} is not a net.tcp address.", nameof(baseAddresses));
    }

    /// <summary>WCF's shape: a host for one service type.</summary>
    public ServiceHost(Type serviceType, params Uri[] baseAddresses) : this((ILoggerFactory?)null, baseAddresses) => AddService(serviceType);

    /// <summary>WCF's shape: a host for one service instance (InstanceContextMode.Single).</summary>
    public ServiceHost(object singletonInstance, params Uri[] baseAddresses) : this((ILoggerFactory?)null, baseAddresses) => AddService(singletonInstance);

    public ILoggerFactory LoggerFactory { get; set; }

    public CommunicationState State { get; private set; } = CommunicationState.Created;

    public IReadOnlyList<Uri> BaseAddresses => _baseAddresses;

    public IReadOnlyList<ServiceRegistration> Services => _services;

    /// <summary>The first service's registration, as WCF's ServiceHost.Description gives its only service.</summary>
    public ServiceRegistration Description => _services.Count > 0 ? _services[0] : throw new InvalidOperationException("The host has no service.");

    public IEnumerable<ServiceEndpoint> Endpoints => _services.SelectMany(s => s.Endpoints);

    /// <summary>How long Close waits for calls in flight and for clients' End records before dropping connections.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public ServiceRegistration AddService(Type serviceType)
    {
        EnsureNotOpened();
        var registration = new ServiceRegistration(this, serviceType, null, null);
        _services.Add(registration);
        return registration;
    }

    public ServiceRegistration AddService(object singletonInstance)
    {
        EnsureNotOpened();
        var registration = new ServiceRegistration(this, singletonInstance.GetType(), singletonInstance, null);
        _services.Add(registration);
        return registration;
    }

    /// <summary>A service whose instances come from <paramref name="factory"/> (dependency injection, tests).</summary>
    public ServiceRegistration AddService<TService>(Func<TService> factory) where TService : class
    {
        EnsureNotOpened();
        var registration = new ServiceRegistration(this, typeof(TService), null, factory);
        _services.Add(registration);
        return registration;
    }

    public ServiceEndpoint AddServiceEndpoint(Type contractType, NetTcpBinding binding, string address) =>
        Description.AddServiceEndpoint(contractType, binding, address);

    /// <summary>
    /// Applies the configuration to the services already added (AddService): each gets the endpoints and behavior of
    /// the <c>&lt;service name&gt;</c> that is its type's full name, as WCF's ServiceHost does. Configured services this
    /// host does not run are left for other hosts. Nothing changes when anything is wrong.
    /// </summary>
    /// <exception cref="ConfigurationErrorsException">A contract is unknown, or a certificate cannot be loaded.</exception>
    /// <exception cref="InvalidOperationException">A service without endpoints has no <c>&lt;service&gt;</c> in the configuration.</exception>
    public void ApplyConfiguration(ServiceModelSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        EnsureNotOpened();
        var applier = new ServiceConfigurationApplier();
        foreach (var registration in _services)
        {
            var name = registration.ServiceType.FullName ?? registration.ServiceType.Name;
            var service = section.FindService(name);
            if (service is null)
            {
                if (registration.Endpoints.Count > 0)
                    continue;
                throw new InvalidOperationException(
                    $"Service {name} has no endpoint and no <service name=\"{name}\"> in <system.serviceModel><services>; " +
                    $"configured services: {DescribeServices(section)}.");
            }
            applier.Plan(service, registration.ServiceType, () => registration, this);
        }
        applier.Apply();
    }

    /// <summary>
    /// Adds every configured <c>&lt;service&gt;</c>, its type found by <paramref name="resolveServiceType"/> (null when
    /// unknown), with its endpoints and behavior. Instances are made with the public parameterless constructor.
    /// </summary>
    /// <exception cref="ConfigurationErrorsException">A service type or contract is unknown, or a certificate cannot be loaded.</exception>
    public void ApplyConfiguration(ServiceModelSection section, Func<string, Type?> resolveServiceType)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(resolveServiceType);
        EnsureNotOpened();
        var applier = new ServiceConfigurationApplier();
        foreach (var service in section.Services)
        {
            var type = resolveServiceType(service.Name)
                ?? throw new ConfigurationErrorsException(
                    $"no service type named '{service.Name}' is known to this host.", ServiceModelSection.SectionName, "service", "name");
            applier.Plan(service, type, () => AddService(type), this);
        }
        applier.Apply();
    }

    /// <summary>
    /// As <see cref="ApplyConfiguration(ServiceModelSection, Func{string, Type})"/>, looking service types up by full
    /// name in <paramref name="assemblies"/>.
    /// </summary>
    public void ApplyConfiguration(ServiceModelSection section, params Assembly[] assemblies) =>
        ApplyConfiguration(section, name => assemblies.Select(assembly => assembly.GetType(name, throwOnError: false)).FirstOrDefault(type => type is not null));

    /// <summary>
    /// Refused connections and sessions are logged once per remote address and interval, and counted for a summary at
    /// the interval's end, so that a flood of them does not flood the log.
    /// </summary>
    public TimeSpan RefusalSummaryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A connection or session refused because its remote address is over its share (MaxPendingConnectionsPerAddress,
    /// MaxUnauthenticatedSessionsPerAddress) gets its ServerTooBusy after this delay, so that a peer reconnecting in a
    /// loop slows down to one attempt per socket per delay. At most 1,024 refused connections are held at once.
    /// </summary>
    public TimeSpan RefusalDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The listener while the host is open (tests look at its refusals).</summary>
    internal Server.NetTcpListener? Listener => _listener;

    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        EnsureNotOpened();
        var endpoints = Endpoints.ToList();
        if (endpoints.Count == 0)
            throw new InvalidOperationException("The host has no endpoint; add one with AddServiceEndpoint before opening.");
        foreach (var service in _services)
            service.PrepareToOpen();
        State = CommunicationState.Opening;
        try
        {
            _listener = new Server.NetTcpListener(endpoints, LoggerFactory, RefusalSummaryInterval, RefusalDelay);
            await _listener.StartAsync(cancellationToken).ConfigureAwait(false);
            RewriteBoundPorts();
            State = CommunicationState.Opened;
        }
        catch
        {
            State = CommunicationState.Faulted;
            throw;
        }
    }

    public void Open() => OpenAsync().GetAwaiter().GetResult();

    /// <summary>Stops accepting, lets calls in flight finish, ends every session, then closes connections.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (State is CommunicationState.Closed or CommunicationState.Created)
        {
            State = CommunicationState.Closed;
            return;
        }
        State = CommunicationState.Closing;
        if (_listener is not null)
            await _listener.StopAsync(CloseTimeout, cancellationToken).ConfigureAwait(false);
        State = CommunicationState.Closed;
    }

    public void Close() => CloseAsync().GetAwaiter().GetResult();

    public void Abort()
    {
        _listener?.Abort();
        State = CommunicationState.Closed;
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    internal void EnsureNotOpened()
    {
        if (State != CommunicationState.Created)
            throw new InvalidOperationException($"The host is {State}; services and endpoints can only be added before it opens.");
    }

    /// <summary>A base address from configuration; one the host already has is not added twice.</summary>
    internal void AddBaseAddress(Uri address)
    {
        if (!_baseAddresses.Contains(address))
            _baseAddresses.Add(address);
    }

    private static string DescribeServices(ServiceModelSection section) =>
        section.Services.Count == 0 ? "none" : string.Join(", ", section.Services.Select(service => service.Name));

    internal Uri ResolveAddress(string address)
    {
        if (Uri.TryCreate(address, UriKind.Absolute, out var absolute))
        {
            if (absolute.Scheme != "net.tcp")
                throw new ArgumentException($"Endpoint address {address} is not a net.tcp address.", nameof(address));
            return absolute;
        }
        var baseAddress = _baseAddresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"The relative endpoint address '{address}' needs a net.tcp base address on the host.");
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        return new Uri(root, address);
    }

    private void RewriteBoundPorts()
    {
        foreach (var endpoint in Endpoints)
            endpoint.SetBoundAddress(_listener!.WithBoundPort(endpoint.Address));
        for (var i = 0; i < _baseAddresses.Count; i++)
            _baseAddresses[i] = _listener!.WithBoundPort(_baseAddresses[i]);
    }
}
