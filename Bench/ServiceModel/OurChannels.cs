using Ikosa.Contracts;
using Ikosa.ServiceModel;

namespace Ikosa.Bench.ServiceModel;

/// <summary>Login channels of our own client runtime (Ikosa.ServiceModel), opened as Ikosa.Client's library opens them.</summary>
public sealed class OurChannels : IDisposable
{
    private readonly DuplexChannelFactory<ILoginService> _factory;
    private readonly List<ILoginService> _channels;

    public OurChannels(Uri login, int count)
    {
        _factory = new DuplexChannelFactory<ILoginService>(new IgnoredCallbacks(), new NetTcpBinding(), new EndpointAddress(login));
        _channels = Enumerable.Range(0, count).Select(_ => _factory.CreateChannel()).ToList();
    }

    /// <summary>One GetSerial call per channel.</summary>
    public IReadOnlyList<Func<Task<long>>> GetSerial => _channels.Select(channel => (Func<Task<long>>)channel.GetSerialAsync).ToList();

    public void Dispose() => _factory.Close();

    private sealed class IgnoredCallbacks : ILoginCallback
    {
        public Task OnBatchAsync(BatchInfo batch) => Task.CompletedTask;

        public Task OnSessionEndedAsync(string reason) => Task.CompletedTask;
    }
}
