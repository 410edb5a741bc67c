using Ikosa.ServiceModel;

namespace Ikosa.Tests.ServiceModel.Runtime;

/// <summary>Our client against our host over real loopback sockets: the behaviours of the recorded WCF session.</summary>
public class DuplexSessionTests
{
    [Fact]
    public async Task Request_reply_returns_the_result()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        using var factory = host.DuplexFactory<IEchoService>(new EchoCallback());
        var proxy = factory.CreateChannel();

        Assert.Equal("hello:42", proxy.Echo(42, "hello"));
        Assert.Equal("again:7", proxy.Echo(7, "again"));
        ((IClientChannel)proxy).Close();
        Assert.Equal(CommunicationState.Closed, ((IClientChannel)proxy).State);
    }

    [Fact]
    public async Task Task_based_client_methods_call_the_same_operations()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        using var factory = host.DuplexFactory<IEchoServiceAsync>(new EchoCallback());
        var proxy = factory.CreateChannel();

        Assert.Equal("async:7", await proxy.EchoAsync(7, "async"));
        for (var i = 0; i < 10; i++)
            await proxy.NotifyAsync(i, "one-way");
        Assert.Equal(10, await proxy.GetNotifyCountAsync());
        var fault = await Assert.ThrowsAsync<FaultException<HarnessFault>>(() => proxy.FailAsync(3, "async boom"));
        Assert.Equal(3, fault.Detail.Code);
        await ((IClientChannel)proxy).CloseAsync();
    }

    [Fact]
    public async Task One_way_calls_are_processed_in_order_before_a_later_request()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        using var factory = host.DuplexFactory<IEchoService>(new EchoCallback());
        var proxy = factory.CreateChannel();

        for (var i = 0; i < 100; i++)
            proxy.Notify(i, "one-way");

        Assert.Equal(100, proxy.GetNotifyCount());
    }

    [Fact]
    public async Task One_way_callbacks_arrive_in_order()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        var callback = new EchoCallback(expectedTicks: 50);
        using var factory = host.DuplexFactory<IEchoService>(callback);
        var proxy = factory.CreateChannel();

        proxy.StartCallbacks(50, "tick");

        await callback.AllTicksReceived.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(1, 50), callback.Ticks);
    }

    [Fact]
    public async Task Two_way_callback_inside_an_operation_returns_the_clients_answer()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        using var factory = host.DuplexFactory<IEchoService>(new EchoCallback());
        var proxy = factory.CreateChannel();

        Assert.Equal("server got client pong 5", proxy.CallMeBack(5));
    }

    [Fact]
    public async Task Two_way_callback_under_single_concurrency_is_refused_as_a_deadlock()
    {
        await using var host = await LoopbackHost.StartAsync<SingleConcurrencyEchoService, IEchoService>(
            h => h.Description.Behavior.IncludeExceptionDetailInFaults = true);
        using var factory = host.DuplexFactory<IEchoService>(new EchoCallback());
        var proxy = factory.CreateChannel();

        var fault = Assert.Throws<FaultException<ExceptionDetail>>(() => proxy.CallMeBack(5));
        Assert.Contains("deadlock", fault.Detail.Message);
        Assert.Equal(typeof(InvalidOperationException).FullName, fault.Detail.Type);
    }

    [Fact]
    public async Task Typed_fault_surfaces_with_its_detail_and_the_session_goes_on()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        using var factory = host.DuplexFactory<IEchoService>(new EchoCallback());
        var proxy = factory.CreateChannel();

        var fault = Assert.Throws<FaultException<HarnessFault>>(() => proxy.Fail(17, "boom"));

        Assert.Equal(17, fault.Detail.Code);
        Assert.Equal("boom", fault.Detail.Detail);
        Assert.Equal("typed fault: boom", fault.Reason);
        Assert.Equal("after:1", proxy.Echo(1, "after"));
    }

    [Fact]
    public async Task Unhandled_exception_is_an_internal_service_fault_that_ends_the_session()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        using var factory = host.DuplexFactory<IEchoService>(new EchoCallback());
        var proxy = factory.CreateChannel();
        var faulted = new TaskCompletionSource();
        ((IClientChannel)proxy).Faulted += (_, _) => faulted.TrySetResult();

        var fault = Assert.Throws<FaultException>(() => proxy.Crash("kaboom"));

        Assert.Contains("internal error", fault.Reason);
        Assert.DoesNotContain("kaboom", fault.Reason);
        await faulted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Throws<CommunicationObjectFaultedException>(() => proxy.Echo(1, "too late"));
        var fresh = factory.CreateChannel();
        Assert.Equal("fresh:3", fresh.Echo(3, "fresh"));
    }

    [Fact]
    public async Task Exception_detail_is_sent_when_the_service_allows_it()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>(
            h => h.Description.Behavior.IncludeExceptionDetailInFaults = true);
        using var factory = host.DuplexFactory<IEchoService>(new EchoCallback());
        var proxy = factory.CreateChannel();

        var fault = Assert.Throws<FaultException<ExceptionDetail>>(() => proxy.Crash("kaboom"));

        Assert.Equal("kaboom", fault.Detail.Message);
        Assert.Equal(typeof(InvalidOperationException).FullName, fault.Detail.Type);
    }

    [Fact]
    public async Task Several_sessions_run_concurrently_each_in_its_own_order()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        using var factory = host.DuplexFactory<IEchoService>(new EchoCallback());

        var sessions = Enumerable.Range(0, 8).Select(session => Task.Run(() =>
        {
            var proxy = factory.CreateChannel();
            for (var i = 0; i < 25; i++)
            {
                proxy.Notify(i, "n");
                Assert.Equal($"s{session}:{i}", proxy.Echo(i, "s" + session));
            }
            Assert.Equal(25, proxy.GetNotifyCount());
            ((IClientChannel)proxy).Close();
        })).ToArray();

        await Task.WhenAll(sessions).WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Connection_refused_is_endpoint_not_found()
    {
        var port = FreePort();
        using var factory = new DuplexChannelFactory<IEchoService>(new EchoCallback(), LoopbackHost.Binding(), $"net.tcp://127.0.0.1:{port}/echo");
        var proxy = factory.CreateChannel();

        Assert.Throws<EndpointNotFoundException>(() => proxy.Echo(1, "nobody"));
    }

    [Fact]
    public async Task Unknown_path_is_endpoint_not_found_from_the_framing_fault()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        var wrong = new UriBuilder(host.Address()) { Path = "/nowhere" }.Uri;
        using var factory = new DuplexChannelFactory<IEchoService>(new EchoCallback(), LoopbackHost.Binding(), wrong.AbsoluteUri);
        var proxy = factory.CreateChannel();

        var error = Assert.Throws<EndpointNotFoundException>(() => proxy.Echo(1, "lost"));
        Assert.Contains("nowhere", error.Message);
    }

    [Fact]
    public async Task A_faulted_channel_says_so_and_a_new_one_works()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        using var factory = host.DuplexFactory<IEchoService>(new EchoCallback());
        var proxy = factory.CreateChannel();
        Assert.Equal("a:1", proxy.Echo(1, "a"));

        ((IClientChannel)proxy).Abort();

        Assert.ThrowsAny<CommunicationException>(() => proxy.Echo(2, "b"));
        Assert.Equal("c:3", factory.CreateChannel().Echo(3, "c"));
    }

    internal static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
