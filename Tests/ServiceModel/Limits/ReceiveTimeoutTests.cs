using Ikosa.ServiceModel;
using Ikosa.Tests.ServiceModel.Runtime;

namespace Ikosa.Tests.ServiceModel.Limits;

/// <summary>ReceiveTimeout: the server aborts an idle session; the client's channel faults and its next call fails fast.</summary>
public sealed class ReceiveTimeoutTests
{
    [Fact]
    public async Task An_idle_session_is_aborted_and_the_next_call_fails_with_a_CommunicationException()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>(h =>
            h.Endpoints.Single().Binding.ReceiveTimeout = TimeSpan.FromMilliseconds(500));
        var factory = host.DuplexFactory<IEchoService>(new EchoCallback());
        var proxy = factory.CreateChannel();
        var channel = (IClientChannel)proxy;
        var faulted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        channel.Faulted += (_, _) => faulted.TrySetResult();

        await channel.OpenAsync();
        await faulted.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.ThrowsAny<CommunicationException>(() => proxy.Echo(1, "too late"));
        factory.Abort();
    }
}
