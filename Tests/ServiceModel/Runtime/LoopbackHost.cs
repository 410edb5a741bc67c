using Ikosa.ServiceModel;

namespace Ikosa.Tests.ServiceModel.Runtime;

/// <summary>A service host on a free loopback port, closed when the test ends.</summary>
public sealed class LoopbackHost : IAsyncDisposable
{
    private LoopbackHost(ServiceHost host) => Host = host;

    public ServiceHost Host { get; }

    public Uri Address(string path = "echo") => Host.Endpoints.First(e => e.Address.AbsolutePath.EndsWith("/" + path)).Address;

    public int Port => Host.BaseAddresses[0].Port;

    public static NetTcpBinding Binding() => new() { SendTimeout = TimeSpan.FromSeconds(30), CloseTimeout = TimeSpan.FromSeconds(10) };

    /// <summary>Hosts <typeparamref name="TService"/> at net.tcp://127.0.0.1:{free}/echo with <typeparamref name="TContract"/>.</summary>
    public static Task<LoopbackHost> StartAsync<TService, TContract>(Action<ServiceHost>? configure = null)
    {
        var host = new ServiceHost(typeof(TService), new Uri("net.tcp://127.0.0.1:0/"));
        host.AddServiceEndpoint(typeof(TContract), Binding(), "echo");
        host.CloseTimeout = TimeSpan.FromSeconds(10);
        configure?.Invoke(host);
        return StartAsync(host);
    }

    public static async Task<LoopbackHost> StartAsync(ServiceHost host)
    {
        await host.OpenAsync();
        return new LoopbackHost(host);
    }

    public DuplexChannelFactory<TContract> DuplexFactory<TContract>(object callback, string path = "echo") where TContract : class =>
        new(callback, Binding(), new EndpointAddress(Address(path).AbsoluteUri));

    public ChannelFactory<TContract> Factory<TContract>(string path = "echo") where TContract : class =>
        new(Binding(), new EndpointAddress(Address(path).AbsoluteUri));

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await Host.CloseAsync(timeout.Token);
    }
}
