using Ikosa.ServiceModel;

namespace Ikosa.Bench.ServiceModel;

/// <summary>The bench service on a free loopback port, with clients' channels made against it.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(ServiceHost host) => Host = host;

    public ServiceHost Host { get; }

    public Uri Address => Host.Endpoints.Single().Address;

    public int Port => Address.Port;

    public static NetTcpBinding Binding() => new()
    {
        SendTimeout = TimeSpan.FromSeconds(30),
        ReceiveTimeout = TimeSpan.FromMinutes(10),
        CloseTimeout = TimeSpan.FromSeconds(10),
    };

    public static async Task<BenchHost> StartAsync(int maxSessions = 10_000)
    {
        var host = new ServiceHost(typeof(BenchService), new Uri("net.tcp://127.0.0.1:0/"));
        host.AddServiceEndpoint(typeof(IBenchService), Binding(), "bench");
        host.Description.Behavior.MaxConcurrentSessions = maxSessions;
        await host.OpenAsync();
        return new BenchHost(host);
    }

    public DuplexChannelFactory<IBenchService> Factory(IBenchCallback callback) =>
        new(callback, Binding(), new EndpointAddress(Address.AbsoluteUri));

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await Host.CloseAsync(timeout.Token);
    }
}
