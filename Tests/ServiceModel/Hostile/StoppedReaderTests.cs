using Ikosa.ServiceModel;
using Ikosa.Tests.ServiceModel.Runtime;

namespace Ikosa.Tests.ServiceModel.Hostile;

[ServiceContract(Namespace = "urn:flood", CallbackContract = typeof(IFloodCallback))]
public interface IFloodService
{
    [OperationContract(IsOneWay = true)]
    void Flood(int chunkSize);
}

[ServiceContract(Namespace = "urn:flood")]
public interface IFloodCallback
{
    [OperationContract(IsOneWay = true)]
    void OnChunk(string chunk);
}

/// <summary>What the flooding service did: how many callbacks went out, and how sending ended.</summary>
public sealed class FloodRun
{
    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public IContextChannel? Channel { get; set; }

    public TaskCompletionSource<Exception> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void CountOne() => Interlocked.Increment(ref _sent);
}

/// <summary>Sends one-way callbacks to its client until sending fails.</summary>
public sealed class FloodService(FloodRun run) : IFloodService
{
    public void Flood(int chunkSize)
    {
        var callback = OperationContext.Current!.GetCallbackChannel<IFloodCallback>();
        run.Channel = OperationContext.Current.Channel;
        var chunk = new string('x', chunkSize);
        _ = Task.Run(() =>
        {
            try
            {
                while (true)
                {
                    callback.OnChunk(chunk);
                    run.CountOne();
                }
            }
            catch (Exception error)
            {
                run.Ended.TrySetResult(error);
            }
        });
    }
}

/// <summary>A client whose callback handler never returns: it stops reading, and its connection backs up to the server.</summary>
public sealed class StuckFloodCallback : IFloodCallback, IDisposable
{
    private readonly ManualResetEventSlim _release = new();

    public void OnChunk(string chunk) => _release.Wait(TimeSpan.FromMinutes(2));

    public void Dispose() => _release.Set();
}

/// <summary>
/// A client that stops reading never holds the server: a one-way callback to it gets the binding's SendTimeout (then the
/// session is aborted, as WCF faults a channel whose send timed out), and aborting its session frees a blocked send at once.
/// </summary>
public sealed class StoppedReaderTests
{
    private const int ChunkSize = 16 * 1024;

    private static async Task<LoopbackHost> StartAsync(FloodRun run, TimeSpan sendTimeout)
    {
        var host = new ServiceHost(loggerFactory: null, new Uri("net.tcp://127.0.0.1:0/"));
        var binding = LoopbackHost.Binding();
        binding.SendTimeout = sendTimeout;
        host.AddService(() => new FloodService(run)).AddServiceEndpoint(typeof(IFloodService), binding, "flood");
        host.CloseTimeout = TimeSpan.FromSeconds(2);
        return await LoopbackHost.StartAsync(host);
    }

    /// <summary>Waits until the server has sent more than a few callbacks and then made no progress for a while.</summary>
    private static async Task WaitForStallAsync(FloodRun run)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = -1;
        while (DateTime.UtcNow < deadline && !run.Ended.Task.IsCompleted)
        {
            var sent = run.Sent;
            if (sent == last && sent > 8)
                return;
            last = sent;
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task A_callback_to_a_client_that_stopped_reading_times_out_and_the_session_is_aborted()
    {
        var run = new FloodRun();
        await using var host = await StartAsync(run, sendTimeout: TimeSpan.FromSeconds(1));
        using var stuck = new StuckFloodCallback();
        var factory = new DuplexChannelFactory<IFloodService>(stuck, LoopbackHost.Binding(), new EndpointAddress(host.Address("flood").AbsoluteUri));

        factory.CreateChannel().Flood(ChunkSize);
        var ended = await run.Ended.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(ended is TimeoutException, $"the send ended with {ended}");
        Assert.Contains("SendTimeout", ended.Message);
        // The server's side of the session ends (the client, which reads nothing, cannot notice until it reads again).
        var serverSideEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        run.Channel!.Closed += (_, _) => serverSideEnded.TrySetResult();
        if (run.Channel.State is CommunicationState.Closed or CommunicationState.Faulted)
            serverSideEnded.TrySetResult();
        await serverSideEnded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        factory.Abort();
    }

    [Fact]
    public async Task Aborting_the_session_of_a_client_that_stopped_reading_frees_the_blocked_send()
    {
        var run = new FloodRun();
        await using var host = await StartAsync(run, sendTimeout: TimeSpan.FromMinutes(5));
        using var stuck = new StuckFloodCallback();
        var factory = new DuplexChannelFactory<IFloodService>(stuck, LoopbackHost.Binding(), new EndpointAddress(host.Address("flood").AbsoluteUri));
        factory.CreateChannel().Flood(ChunkSize);
        await WaitForStallAsync(run);

        run.Channel!.Abort();

        var ended = await run.Ended.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.IsAssignableFrom<CommunicationException>(ended);
        factory.Abort();
    }
}
