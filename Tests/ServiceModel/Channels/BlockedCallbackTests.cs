using Ikosa.ServiceModel;
using Ikosa.Tests.ServiceModel.Runtime;

namespace Ikosa.Tests.ServiceModel.Channels;

/// <summary>A callback that blocks until the test lets it go, as one waiting for a lock the client's caller holds.</summary>
public sealed class BlockingCallback : IEchoCallback
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualResetEventSlim Gate { get; } = new();

    public void OnTick(int n, string s)
    {
        Entered.TrySetResult();
        Gate.Wait(TimeSpan.FromSeconds(60));
    }

    public string ClientPing(int n) => "pong";
}

/// <summary>
/// A client's Single callbacks run off the receive loop: a blocked callback must not hold back the replies the
/// client's own calls are waiting for (client code may hold a lock the callback wants while it calls).
/// </summary>
public class BlockedCallbackTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_reply_gets_through_while_a_callback_is_blocked()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        var callback = new BlockingCallback();
        using var factory = host.DuplexFactory<IEchoService>(callback);
        var proxy = factory.CreateChannel();
        try
        {
            proxy.StartCallbacks(1, "tick");
            await callback.Entered.Task.WaitAsync(Bound);

            Assert.Equal("through:1", await Task.Run(() => proxy.Echo(1, "through")).WaitAsync(Bound));
        }
        finally
        {
            callback.Gate.Set();
        }
        ((IClientChannel)proxy).Abort();
    }
}
