extern alias stock;

using System.ServiceModel;
using StockLoginCallback = stock::Ikosa.Contracts.ILoginCallback;
using StockLoginService = stock::Ikosa.Contracts.ILoginService;

namespace Ikosa.Bench.ServiceModel;

/// <summary>
/// Login channels of Microsoft's WCF client (System.ServiceModel 10.1.0) on the contract sources compiled against it,
/// plain net.tcp, as a ported client would open them.
/// </summary>
public sealed class StockWcfChannels : IDisposable
{
    private readonly DuplexChannelFactory<StockLoginService> _factory;
    private readonly List<StockLoginService> _channels;

    public StockWcfChannels(Uri login, int count)
    {
        _factory = new DuplexChannelFactory<StockLoginService>(new InstanceContext(new IgnoredCallbacks()), new NetTcpBinding(SecurityMode.None), new EndpointAddress(login));
        _channels = Enumerable.Range(0, count).Select(_ => _factory.CreateChannel()).ToList();
        _channels.ForEach(channel => ((IClientChannel)channel).Open());
    }

    /// <summary>One GetSerial call per channel.</summary>
    public IReadOnlyList<Func<Task<long>>> GetSerial => _channels.Select(channel => (Func<Task<long>>)channel.GetSerialAsync).ToList();

    public void Dispose() => _factory.Abort();

    [CallbackBehavior(UseSynchronizationContext = false, ConcurrencyMode = ConcurrencyMode.Multiple)]
    private sealed class IgnoredCallbacks : StockLoginCallback
    {
        public Task OnBatchAsync(stock::Ikosa.Contracts.BatchInfo batch) => Task.CompletedTask;

        public Task OnSessionEndedAsync(string reason) => Task.CompletedTask;
    }
}
