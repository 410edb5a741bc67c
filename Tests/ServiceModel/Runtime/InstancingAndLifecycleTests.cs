using Ikosa.ServiceModel;

namespace Ikosa.Tests.ServiceModel.Runtime;

[ServiceContract(SessionMode = SessionMode.Required)]
public interface ICounter
{
    [OperationContract]
    int Increment();

    [OperationContract(IsOneWay = true)]
    void Track(int n);

    [OperationContract]
    int[] Tracked();

    [OperationContract]
    int MaxOverlap();

    [OperationContract]
    bool Rendezvous();

    [OperationContract]
    Task<string> SlowAsync();

    [OperationContract(IsTerminating = true)]
    string Bye();
}

/// <summary>Coordination shared by the test and the service instances it creates; one per test.</summary>
public sealed class CounterProbe
{
    public int Overlap;
    public int MaxOverlap;
    public int Arrivals;
    public readonly TaskCompletionSource BothArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public readonly TaskCompletionSource SlowEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public readonly TaskCompletionSource ReleaseSlow = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public readonly TaskCompletionSource SessionClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public class CounterService(CounterProbe probe) : ICounter
{
    private readonly List<int> _tracked = new();
    private int _count;

    public int Increment() => Interlocked.Increment(ref _count);

    public void Track(int n)
    {
        var now = Interlocked.Increment(ref probe.Overlap);
        InterlockedMax(ref probe.MaxOverlap, now);
        lock (_tracked)
            _tracked.Add(n);
        Thread.SpinWait(2000);
        Interlocked.Decrement(ref probe.Overlap);
    }

    public int[] Tracked()
    {
        lock (_tracked)
            return _tracked.ToArray();
    }

    public int MaxOverlap() => probe.MaxOverlap;

    /// <summary>True when a second call arrived while this one waited: only possible if calls run in parallel.</summary>
    public bool Rendezvous()
    {
        if (Interlocked.Increment(ref probe.Arrivals) == 2)
            probe.BothArrived.TrySetResult();
        return probe.BothArrived.Task.Wait(TimeSpan.FromSeconds(10));
    }

    public async Task<string> SlowAsync()
    {
        probe.SlowEntered.TrySetResult();
        await probe.ReleaseSlow.Task;
        return "done";
    }

    public string Bye()
    {
        OperationContext.Current!.Channel.Closed += (_, _) => probe.SessionClosed.TrySetResult();
        return "bye";
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

[ServiceBehavior(InstanceContextMode = InstanceContextMode.PerCall)]
public sealed class PerCallCounterService(CounterProbe probe) : CounterService(probe);

[ServiceBehavior(InstanceContextMode = InstanceContextMode.Single)]
public sealed class SingleCounterService(CounterProbe probe) : CounterService(probe);

[ServiceBehavior(ConcurrencyMode = ConcurrencyMode.Multiple)]
public sealed class MultipleCounterService(CounterProbe probe) : CounterService(probe);

public class InstancingAndLifecycleTests
{
    private static async Task<(LoopbackHost Host, CounterProbe Probe)> StartAsync<TService>(Func<CounterProbe, TService> create) where TService : class, ICounter
    {
        var probe = new CounterProbe();
        var serviceHost = new ServiceHost(loggerFactory: null, new Uri("net.tcp://127.0.0.1:0/"));
        serviceHost.AddService(() => create(probe)).AddServiceEndpoint(typeof(ICounter), LoopbackHost.Binding(), "echo");
        return (await LoopbackHost.StartAsync(serviceHost), probe);
    }

    [Fact]
    public async Task PerSession_gives_each_session_its_own_instance()
    {
        var (host, _) = await StartAsync(p => new CounterService(p));
        await using var _ = host;
        using var factory = host.Factory<ICounter>();
        var first = factory.CreateChannel();
        var second = factory.CreateChannel();

        Assert.Equal(1, first.Increment());
        Assert.Equal(2, first.Increment());
        Assert.Equal(1, second.Increment());
    }

    [Fact]
    public async Task PerCall_gives_each_call_a_new_instance()
    {
        var (host, _) = await StartAsync(p => new PerCallCounterService(p));
        await using var _ = host;
        using var factory = host.Factory<ICounter>();
        var proxy = factory.CreateChannel();

        Assert.Equal(1, proxy.Increment());
        Assert.Equal(1, proxy.Increment());
    }

    [Fact]
    public async Task Single_shares_one_instance_across_sessions()
    {
        var (host, _) = await StartAsync(p => new SingleCounterService(p));
        await using var _ = host;
        using var factory = host.Factory<ICounter>();

        Assert.Equal(1, factory.CreateChannel().Increment());
        Assert.Equal(2, factory.CreateChannel().Increment());
    }

    [Fact]
    public async Task Single_concurrency_runs_a_sessions_calls_one_at_a_time_in_order()
    {
        var (host, _) = await StartAsync(p => new CounterService(p));
        await using var _ = host;
        using var factory = host.Factory<ICounter>();
        var proxy = factory.CreateChannel();

        for (var i = 0; i < 200; i++)
            proxy.Track(i);

        Assert.Equal(Enumerable.Range(0, 200), proxy.Tracked());
        Assert.Equal(1, proxy.MaxOverlap());
    }

    [Fact]
    public async Task Multiple_concurrency_runs_a_sessions_calls_in_parallel()
    {
        var (host, probe) = await StartAsync(p => new MultipleCounterService(p));
        await using var _ = host;
        using var factory = host.Factory<ICounter>();
        var proxy = factory.CreateChannel();

        var both = await Task.WhenAll(Task.Run(proxy.Rendezvous), Task.Run(proxy.Rendezvous));

        Assert.All(both, Assert.True);
    }

    [Fact]
    public async Task IsTerminating_closes_the_session_on_both_sides()
    {
        var (host, probe) = await StartAsync(p => new CounterService(p));
        await using var _ = host;
        using var factory = host.Factory<ICounter>();
        var proxy = factory.CreateChannel();

        Assert.Equal("bye", proxy.Bye());

        Assert.Equal(CommunicationState.Closed, ((IClientChannel)proxy).State);
        await probe.SessionClosed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Throws<CommunicationObjectAbortedException>(() => proxy.Increment());
    }

    [Fact]
    public async Task Host_close_lets_calls_in_flight_finish_then_ends_sessions()
    {
        var (host, probe) = await StartAsync(p => new MultipleCounterService(p));
        using var factory = host.Factory<ICounter>();
        var proxy = factory.CreateChannel();
        var closed = new TaskCompletionSource();
        ((IClientChannel)proxy).Open();
        ((IClientChannel)proxy).Faulted += (_, _) => closed.TrySetResult();
        ((IClientChannel)proxy).Closed += (_, _) => closed.TrySetResult();

        var call = proxy.SlowAsync();
        await probe.SlowEntered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var closing = host.Host.CloseAsync();
        Assert.False(closing.IsCompleted);
        probe.ReleaseSlow.SetResult();

        Assert.Equal("done", await call.WaitAsync(TimeSpan.FromSeconds(30)));
        await closing.WaitAsync(TimeSpan.FromSeconds(30));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(CommunicationState.Closed, host.Host.State);
        Assert.Throws<EndpointNotFoundException>(() => factory.CreateChannel().Increment());
    }
}

[ServiceContract(SessionMode = SessionMode.Required)]
public interface IShop
{
    [OperationContract]
    string Open(string name);

    [OperationContract(IsInitiating = false)]
    string Buy(string item);
}

public sealed class ShopService : IShop
{
    private string? _customer;

    public string Open(string name) => _customer = name;

    public string Buy(string item) => $"{_customer} bought {item}";
}

public class SessionInitiationTests
{
    [Fact]
    public async Task A_non_initiating_operation_cannot_start_a_session()
    {
        await using var host = await LoopbackHost.StartAsync<ShopService, IShop>();
        using var factory = host.Factory<IShop>();
        var proxy = factory.CreateChannel();

        var refused = Assert.Throws<FaultException>(() => proxy.Buy("sword"));
        Assert.Contains("cannot start a session", refused.Reason);
        Assert.Equal("ann", proxy.Open("ann"));
        Assert.Equal("ann bought sword", proxy.Buy("sword"));
    }
}
