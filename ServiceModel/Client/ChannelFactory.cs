using System.Collections.Concurrent;
using Ikosa.ServiceModel.Client;
using Ikosa.ServiceModel.Configuration;
using Ikosa.ServiceModel.Security;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.ServiceModel;

/// <summary>Makes proxies for a service contract at a net.tcp address; each proxy is one session.</summary>
public class ChannelFactory<TChannel> : IDisposable where TChannel : class
{
    private readonly ConcurrentDictionary<ClientSessionChannel, byte> _channels = new();

    public ChannelFactory(NetTcpBinding binding, EndpointAddress remoteAddress)
    {
        Binding = binding;
        Endpoint = remoteAddress;
        Contract = ContractDescription.GetContract(typeof(TChannel));
        if (remoteAddress.Uri.Scheme != "net.tcp")
            throw new ArgumentException($"The address {remoteAddress.Uri} is not a net.tcp address.", nameof(remoteAddress));
    }

    public ChannelFactory(NetTcpBinding binding, string remoteAddress) : this(binding, new EndpointAddress(remoteAddress))
    {
    }

    /// <summary>
    /// A factory for a configured client endpoint: its address, its binding, and its identity (expected certificate
    /// name, pinned certificate). The endpoint's contract must be <typeparamref name="TChannel"/>'s full name.
    /// </summary>
    /// <exception cref="ConfigurationErrorsException">The endpoint is for another contract.</exception>
    public ChannelFactory(ClientEndpointConfig endpoint)
        : this(endpoint.ResolvedBinding.Clone(), new EndpointAddress(CheckContract(endpoint).Address))
    {
        ServerCertificate.DnsIdentity = endpoint.DnsIdentity;
        ServerCertificate.TrustedCertificateThumbprint = endpoint.TrustedCertificateThumbprint;
    }

    /// <summary>
    /// A factory for the client endpoint named <paramref name="endpointConfigurationName"/> in <paramref name="section"/>,
    /// or, when null, the only one for <typeparamref name="TChannel"/> (WCF's <c>new ChannelFactory&lt;T&gt;("name")</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No such endpoint, or several for the contract and no name given.</exception>
    public ChannelFactory(ServiceModelSection section, string? endpointConfigurationName = null)
        : this(FindEndpoint(section, endpointConfigurationName))
    {
    }

    public NetTcpBinding Binding { get; }

    public EndpointAddress Endpoint { get; }

    public ContractDescription Contract { get; }

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>How the server's TLS certificate is checked under SecurityMode.Transport; channels made later use it as it is then.</summary>
    public ServerCertificateValidation ServerCertificate { get; } = new();

    /// <summary>A new proxy (and session) to the factory's address; it opens on first use or on Open().</summary>
    public TChannel CreateChannel() => CreateChannel(Endpoint, via: null);

    /// <summary>A proxy to <paramref name="address"/> whose connection goes to <paramref name="via"/> (a relay, a port forward).</summary>
    public TChannel CreateChannel(EndpointAddress address, Uri? via) => CreateChannelCore(address, via ?? address.Uri, CallbackInstance);

    public static TChannel CreateChannel(NetTcpBinding binding, EndpointAddress address) => new ChannelFactory<TChannel>(binding, address).CreateChannel();

    private protected virtual object? CallbackInstance => null;

    private protected TChannel CreateChannelCore(EndpointAddress address, Uri via, object? callbackInstance)
    {
        if (Contract.CallbackContractType is { } callbackType && callbackInstance is null)
            throw new InvalidOperationException($"The contract {Contract.Name} has a callback contract ({callbackType.Name}); use a DuplexChannelFactory with a callback instance.");
        var channel = new ClientSessionChannel(
            Contract, Binding, address.Uri, via, callbackInstance, ServerCertificate.Clone(), LoggerFactory.CreateLogger<ChannelFactory<TChannel>>());
        var proxy = ContractProxy.Create<TChannel, ClientProxy>(Contract, channel, callbacks: false);
        ((ClientProxy)(object)proxy).Channel = channel;
        channel.Owner = proxy;
        _channels[channel] = 0;
        channel.Closed += (_, _) => _channels.TryRemove(channel, out _);
        return proxy;
    }

    /// <summary>Closes every channel this factory made that is still open.</summary>
    public void Close()
    {
        foreach (var channel in _channels.Keys)
        {
            try
            {
                channel.CloseAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception error) when (error is CommunicationException or TimeoutException)
            {
                channel.Abort();
            }
        }
    }

    public void Abort()
    {
        foreach (var channel in _channels.Keys)
            channel.Abort();
    }

    public void Dispose() => Close();

    private protected static ClientEndpointConfig FindEndpoint(ServiceModelSection section, string? endpointConfigurationName)
    {
        ArgumentNullException.ThrowIfNull(section);
        var contractName = ContractConfigurationName;
        var key = endpointConfigurationName ?? contractName;
        return section.FindClientEndpoint(key)
            ?? throw new InvalidOperationException(
                $"No client endpoint {(endpointConfigurationName is null ? $"for contract '{contractName}'" : $"named '{endpointConfigurationName}'")} " +
                $"is configured in <system.serviceModel><client>; configured: " +
                $"{(section.ClientEndpoints.Count == 0 ? "none" : string.Join(", ", section.ClientEndpoints.Select(e => $"'{e.Name}' ({e.Contract})")))}.");
    }

    /// <summary>The contract's name in configuration: WCF's default ConfigurationName, the interface's full name.</summary>
    private static string ContractConfigurationName => (typeof(TChannel).FullName ?? typeof(TChannel).Name).Replace('+', '.');

    private static ClientEndpointConfig CheckContract(ClientEndpointConfig endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Contract != ContractConfigurationName)
            throw new ConfigurationErrorsException(
                $"client endpoint '{endpoint.Name}' is for contract '{endpoint.Contract}', not '{ContractConfigurationName}'.",
                ServiceModelSection.SectionName, "endpoint", "contract");
        return endpoint;
    }
}

/// <summary>Makes proxies for a duplex contract; the callbacks the server sends run on the callback instance.</summary>
public class DuplexChannelFactory<TChannel> : ChannelFactory<TChannel> where TChannel : class
{
    private readonly object _callbackInstance;

    public DuplexChannelFactory(object callbackInstance, NetTcpBinding binding, EndpointAddress remoteAddress) : base(binding, remoteAddress)
    {
        _callbackInstance = CheckCallback(callbackInstance);
    }

    private object CheckCallback(object callbackInstance)
    {
        var instance = callbackInstance is InstanceContext context ? context.GetServiceInstance() : callbackInstance;
        var callbackType = Contract.CallbackContractType
            ?? throw new InvalidOperationException($"The contract {Contract.Name} has no callback contract; use ChannelFactory.");
        if (!callbackType.IsInstanceOfType(instance))
            throw new ArgumentException($"The callback instance {instance.GetType().Name} does not implement {callbackType.Name}.", nameof(callbackInstance));
        return instance;
    }

    public DuplexChannelFactory(object callbackInstance, NetTcpBinding binding, string remoteAddress) : this(callbackInstance, binding, new EndpointAddress(remoteAddress))
    {
    }

    /// <summary>A duplex factory for a configured client endpoint; see <see cref="ChannelFactory{TChannel}(ClientEndpointConfig)"/>.</summary>
    public DuplexChannelFactory(object callbackInstance, ClientEndpointConfig endpoint) : base(endpoint)
    {
        _callbackInstance = CheckCallback(callbackInstance);
    }

    /// <summary>A duplex factory for a client endpoint of <paramref name="section"/>, by name or else by contract.</summary>
    public DuplexChannelFactory(object callbackInstance, ServiceModelSection section, string? endpointConfigurationName = null)
        : this(callbackInstance, FindEndpoint(section, endpointConfigurationName))
    {
    }

    private protected override object? CallbackInstance => _callbackInstance;

    /// <summary>A proxy whose callbacks run on another instance than the factory's.</summary>
    public TChannel CreateChannel(InstanceContext callbackInstance) => CreateChannelCore(Endpoint, Endpoint.Uri, callbackInstance.GetServiceInstance());
}
