using System.Collections.Concurrent;
using Ikosa.ServiceModel.Client;
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

    public NetTcpBinding Binding { get; }

    public EndpointAddress Endpoint { get; }

    public ContractDescription Contract { get; }

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

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
        var channel = new ClientSessionChannel(Contract, Binding, address.Uri, via, callbackInstance, LoggerFactory.CreateLogger<ChannelFactory<TChannel>>());
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
}

/// <summary>Makes proxies for a duplex contract; the callbacks the server sends run on the callback instance.</summary>
public class DuplexChannelFactory<TChannel> : ChannelFactory<TChannel> where TChannel : class
{
    private readonly object _callbackInstance;

    public DuplexChannelFactory(object callbackInstance, NetTcpBinding binding, EndpointAddress remoteAddress) : base(binding, remoteAddress)
    {
        _callbackInstance = callbackInstance is InstanceContext context ? context.GetServiceInstance() : callbackInstance;
        var callbackType = Contract.CallbackContractType
            ?? throw new InvalidOperationException($"The contract {Contract.Name} has no callback contract; use ChannelFactory.");
        if (!callbackType.IsInstanceOfType(_callbackInstance))
            throw new ArgumentException($"The callback instance {_callbackInstance.GetType().Name} does not implement {callbackType.Name}.", nameof(callbackInstance));
    }

    public DuplexChannelFactory(object callbackInstance, NetTcpBinding binding, string remoteAddress) : this(callbackInstance, binding, new EndpointAddress(remoteAddress))
    {
    }

    private protected override object? CallbackInstance => _callbackInstance;

    /// <summary>A proxy whose callbacks run on another instance than the factory's.</summary>
    public TChannel CreateChannel(InstanceContext callbackInstance) => CreateChannelCore(Endpoint, Endpoint.Uri, callbackInstance.GetServiceInstance());
}
