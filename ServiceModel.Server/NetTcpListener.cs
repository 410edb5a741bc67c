using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ikosa.ServiceModel.Server;

/// <summary>
/// The Kestrel server behind a <see cref="ServiceHost"/>: one listen socket per port, each connection handed to a
/// <see cref="NetTcpConnectionHandler"/> that routes its sessions by Via path.
/// </summary>
internal sealed class NetTcpListener
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly ILogger _handlerLogger;
    private readonly Dictionary<(string Host, int Port), PortListener> _ports = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly ConcurrentDictionary<ConnectionContext, byte> _connections = new();
    private readonly long _maxReadBufferSize;
    private KestrelServer? _server;

    private const int ReadBufferSlack = 64 * 1024;

    /// <summary>Refused connections held for the refusal delay at once, at most (a socket each, no thread).</summary>
    private const int MaxHeldRefusals = 1024;

    private readonly RefusalDelay _refusalDelay;

    public NetTcpListener(IReadOnlyList<ServiceEndpoint> endpoints, ILoggerFactory loggerFactory, TimeSpan refusalSummaryInterval, TimeSpan refusalDelay)
    {
        _refusalDelay = new RefusalDelay(refusalDelay, MaxHeldRefusals);
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<NetTcpListener>();
        _handlerLogger = loggerFactory.CreateLogger<NetTcpConnectionHandler>();
        Refusals = new RefusalLog(_handlerLogger, refusalSummaryInterval);
        // Endpoints sharing a port share its listen socket, so the most generous of their settings applies to it.
        foreach (var group in endpoints.GroupBy(endpoint => (endpoint.Address.Host, endpoint.Address.Port)))
        {
            var bindings = group.Select(endpoint => endpoint.Binding).ToList();
            var port = new PortListener(bindings[0])
            {
                Pending = new PendingConnectionLimit(
                    bindings.Max(binding => binding.MaxConnections), bindings.Max(binding => binding.MaxPendingConnectionsPerAddress)),
            };
            port.Table.ChannelInitializationTimeout = NetTcpBinding.ToTimerDelay(bindings.Max(binding => binding.ChannelInitializationTimeout));
            foreach (var endpoint in group)
                port.Table.Add(new EndpointDispatcher(endpoint, loggerFactory));
            _ports[group.Key] = port;
        }
        _maxReadBufferSize = MaxReadBufferSize(endpoints);
    }

    /// <summary>Refused connections and sessions, summarised per address (tests flush it).</summary>
    internal RefusalLog Refusals { get; }

    /// <summary>Connections from <paramref name="address"/> opening now, on all ports (for tests and diagnostics).</summary>
    internal int PendingFrom(IPAddress address) => _ports.Values.Sum(port => port.Pending.PendingFrom(address));

    /// <summary>
    /// What Kestrel may buffer from one connection before it stops reading the socket: one whole record of the largest
    /// MaxReceivedMessageSize plus slack. A record must fit, or a large message would stall the pipe; anything larger is
    /// refused at its size field, so memory per connection stays bounded whatever the peer sends.
    /// </summary>
    private static long MaxReadBufferSize(IEnumerable<ServiceEndpoint> endpoints) =>
        endpoints.Max(endpoint => Math.Min(endpoint.Binding.MaxReceivedMessageSize, int.MaxValue)) + ReadBufferSlack;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new KestrelServerOptions
        {
            ApplicationServices = new ServiceCollection().AddSingleton(_loggerFactory).AddLogging().BuildServiceProvider(),
        };
        options.Limits.MaxConcurrentConnections = null;
        var backlog = 512;
        foreach (var ((host, number), port) in _ports)
        {
            backlog = Math.Max(backlog, port.Binding.ListenBacklog);
            options.Listen(new IPEndPoint(ResolveListenAddress(host), number), listen =>
            {
                port.Options = listen;
                listen.Run(context => HandleConnectionAsync(context, port));
            });
        }
        var transportOptions = new SocketTransportOptions { Backlog = backlog, MaxReadBufferSize = _maxReadBufferSize };
        var transport = new SocketTransportFactory(Options.Create(transportOptions), _loggerFactory);
        _server = new KestrelServer(Options.Create(options), transport, _loggerFactory);
        await _server.StartAsync(new NoHttpApplication(), cancellationToken).ConfigureAwait(false);
        foreach (var ((host, number), port) in _ports)
            _logger.LogInformation("net.tcp listening on {Host}:{Port} for {Paths}", host, port.BoundPort,
                string.Join(", ", port.Table.Paths));
    }

    /// <summary>The address with a requested port of 0 replaced by the port actually bound.</summary>
    public Uri WithBoundPort(Uri address)
    {
        if (!_ports.TryGetValue((address.Host, address.Port), out var port) || port.BoundPort == address.Port)
            return address;
        return new UriBuilder(address) { Port = port.BoundPort }.Uri;
    }

    public async Task StopAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _closing.Cancel();
        if (_server is null)
        {
            Refusals.Dispose();
            return;
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _server.StopAsync(deadline.Token).ConfigureAwait(false);
        }
        finally
        {
            _server.Dispose();
            Refusals.Dispose();
        }
    }

    public void Abort()
    {
        _closing.Cancel();
        foreach (var connection in _connections.Keys)
            connection.Abort();
        _server?.Dispose();
        Refusals.Dispose();
    }

    private async Task HandleConnectionAsync(ConnectionContext context, PortListener port)
    {
        _connections[context] = 0;
        try
        {
            var handler = new NetTcpConnectionHandler(port.Table, port.Pending, Refusals, _refusalDelay, _closing.Token, _handlerLogger);
            var address = NetTcpConnectionHandler.RemoteAddress(context);
            var admission = port.Pending.TryEnter(address);
            if (admission == AddressAdmission.Admitted)
            {
                await handler.HandleAsync(context, address).ConfigureAwait(false);
                return;
            }
            var refusal = admission == AddressAdmission.AddressFull ? Refusal.PendingFromAddress : Refusal.PendingTotal;
            Refusals.Record(address, refusal);
            await handler.RefuseAsync(context, refusal).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(context, out _);
        }
    }

    private static IPAddress ResolveListenAddress(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "+" => IPAddress.Any,
        _ when IPAddress.TryParse(host, out var address) => address,
        _ => IPAddress.Any,
    };

    private sealed class PortListener(NetTcpBinding binding)
    {
        public NetTcpBinding Binding { get; } = binding;

        public EndpointTable Table { get; } = new();

        /// <summary>Connections allowed to be opening at once, in total and per remote address.</summary>
        public required PendingConnectionLimit Pending { get; init; }

        public ListenOptions? Options { get; set; }

        public int BoundPort => Options?.IPEndPoint?.Port ?? 0;
    }

    /// <summary>Kestrel wants an HTTP application even when every endpoint is a raw connection handler.</summary>
    private sealed class NoHttpApplication : IHttpApplication<object>
    {
        public object CreateContext(IFeatureCollection contextFeatures) => throw new NotSupportedException("net.tcp endpoints serve no HTTP.");

        public Task ProcessRequestAsync(object context) => throw new NotSupportedException("net.tcp endpoints serve no HTTP.");

        public void DisposeContext(object context, Exception? exception)
        {
        }
    }
}
