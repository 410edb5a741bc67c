using Ikosa.ServiceModel;
using Ikosa.Tests.ServiceModel.Runtime;

namespace Ikosa.Tests.ServiceModel.Limits;

/// <summary>serviceThrottling: maxConcurrentSessions refuses extra sessions; maxConcurrentCalls makes extra calls wait.</summary>
public sealed class ThrottlingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Sessions_beyond_maxConcurrentSessions_get_ServerTooBusy_until_one_closes()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>(h => h.Description.Behavior.MaxConcurrentSessions = 1);
        var first = host.DuplexFactory<IEchoService>(new EchoCallback());
        Assert.Equal("first:1", first.CreateChannel().Echo(1, "first"));

        var second = host.DuplexFactory<IEchoService>(new EchoCallback());
        Assert.Throws<ServerTooBusyException>(() => second.CreateChannel().Echo(2, "second"));

        first.Close();
        // The server frees the slot just after its End reaches the client, so the next session may need a few tries.
        Assert.Equal("third:3", await EventuallyAsync(() => host.DuplexFactory<IEchoService>(new EchoCallback()).CreateChannel().Echo(3, "third")));
    }

    [Fact]
    public async Task Calls_beyond_maxConcurrentCalls_wait_for_a_free_slot()
    {
        var gate = new GateService();
        var host = new ServiceHost(gate, new Uri("net.tcp://127.0.0.1:0/"));
        host.AddServiceEndpoint(typeof(IGateService), LoopbackHost.Binding(), "gate");
        host.Description.Behavior.MaxConcurrentCalls = 1;
        await using var loopback = await LoopbackHost.StartAsync(host);
        var factory = loopback.Factory<IGateService>("gate");

        var firstCall = factory.CreateChannel().PassAsync(1);
        await gate.Entered.Task.WaitAsync(Deadline);
        var secondCall = factory.CreateChannel().PassAsync(2);
        await WaitUntilAsync(() => host.Description.CallThrottle!.Waiting == 1);

        Assert.Equal(1, gate.Running);
        gate.Release.SetResult();
        var results = await Task.WhenAll(firstCall, secondCall).WaitAsync(Deadline);
        Assert.Equal(new[] { 1, 2 }, results);
        Assert.Equal(1, gate.MostRunning);
        factory.Close();
    }

    private static async Task<T> EventuallyAsync<T>(Func<T> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return attempt();
            }
            catch (ServerTooBusyException) when (tries < 100)
            {
                await Task.Delay(20);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!condition())
            await Task.Delay(5, deadline.Token);
    }
}

[ServiceContract(Namespace = "urn:limits")]
public interface IGateService
{
    [OperationContract]
    Task<int> PassAsync(int n);
}

/// <summary>Holds every call until released, counting how many run at once.</summary>
[ServiceBehavior(InstanceContextMode = InstanceContextMode.Single, ConcurrencyMode = ConcurrencyMode.Multiple)]
public sealed class GateService : IGateService
{
    private int _running;
    private int _mostRunning;

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Running => Volatile.Read(ref _running);

    public int MostRunning => Volatile.Read(ref _mostRunning);

    public async Task<int> PassAsync(int n)
    {
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _mostRunning, running);
        Entered.TrySetResult();
        await Release.Task;
        Interlocked.Decrement(ref _running);
        return n;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
