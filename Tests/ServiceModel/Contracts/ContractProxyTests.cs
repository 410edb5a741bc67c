using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Tests.ServiceModel.Contracts;

public class ContractProxyTests
{
    private static readonly ContractDescription Echo = ContractDescription.GetContract(typeof(IEchoService));
    private static readonly ContractDescription Game = ContractDescription.GetContract(typeof(IGameService));

    [Fact]
    public void Sync_method_sends_its_operation_and_arguments_and_returns_the_result()
    {
        var handler = new RecordingCallHandler((_, args) => Task.FromResult<object?>($"{args[1]}:{args[0]}"));
        var proxy = ContractProxy.Create<IEchoService>(Echo, handler, callbacks: false);

        Assert.Equal("hello:42", proxy.Echo(42, "hello"));

        var (operation, arguments) = Assert.Single(handler.Calls);
        Assert.Equal("urn:harness/IEchoService/Echo", operation.Action);
        Assert.Equal(new object?[] { 42, "hello" }, arguments);
    }

    [Fact]
    public async Task Task_of_T_method_completes_with_the_result_when_the_call_does()
    {
        var reply = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingCallHandler((_, _) => reply.Task);
        var proxy = ContractProxy.Create<IEchoService>(Echo, handler, callbacks: false);

        var pending = proxy.EchoAsync(7, "async");
        Assert.False(pending.IsCompleted);
        reply.SetResult("async:7");

        Assert.Equal("async:7", await pending);
        Assert.Same(Echo.FindByAction("urn:harness/IEchoService/Echo"), handler.Calls.Single().Operation);
    }

    [Fact]
    public async Task Task_method_and_value_type_results_convert()
    {
        var handler = new RecordingCallHandler((operation, _) => Task.FromResult<object?>(operation.Name == "GetNotifyCount" ? 99 : null));
        var echoProxy = ContractProxy.Create<IEchoService>(Echo, handler, callbacks: false);
        var gameProxy = ContractProxy.Create<IGameService>(Game, handler, callbacks: false);

        await gameProxy.ResetAsync("because");
        Assert.Equal(99, echoProxy.GetNotifyCount());
        Assert.Null(await gameProxy.MoveAsync(null, 1));

        Assert.Equal(["Reset", "GetNotifyCount", "Move"], handler.Calls.Select(call => call.Operation.Name));
    }

    [Fact]
    public void One_way_method_calls_the_handler_and_returns()
    {
        var handler = new RecordingCallHandler((_, _) => Task.FromResult<object?>(null));
        var proxy = ContractProxy.Create<IEchoService>(Echo, handler, callbacks: false);

        proxy.Notify(3, "one-way");

        var call = Assert.Single(handler.Calls);
        Assert.True(call.Operation.IsOneWay);
        Assert.Equal(new object?[] { 3, "one-way" }, call.Arguments);
    }

    [Fact]
    public void Out_and_ref_values_set_by_the_handler_come_back_through_the_parameters()
    {
        var handler = new RecordingCallHandler((_, args) =>
        {
            args[1] = 17;
            args[2] = args[2] + ", rolled 17";
            return Task.FromResult<object?>(true);
        });
        var proxy = ContractProxy.Create<IGameService>(Game, handler, callbacks: false);
        var log = "start";

        var ok = proxy.TryRoll(20, out var rolled, ref log);

        Assert.True(ok);
        Assert.Equal(17, rolled);
        Assert.Equal("start, rolled 17", log);
        Assert.Equal(new object?[] { 20, 0, "start" }, handler.Calls.Single().Arguments);
    }

    [Fact]
    public async Task Handler_exceptions_surface_unchanged()
    {
        var fault = new FaultException<GameFault>(new GameFault { Why = "no" }, "refused");
        var handler = new RecordingCallHandler((_, _) => Task.FromException<object?>(fault));
        var throwingHandler = new RecordingCallHandler((_, _) => throw new CommunicationObjectFaultedException("faulted"));
        var proxy = ContractProxy.Create<IGameService>(Game, handler, callbacks: false);
        var throwingProxy = ContractProxy.Create<IEchoService>(Echo, throwingHandler, callbacks: false);

        Assert.Same(fault, Assert.Throws<FaultException<GameFault>>(() => proxy.Forbidden()));
        Assert.Same(fault, await Assert.ThrowsAsync<FaultException<GameFault>>(() => proxy.ResetAsync(null)));
        Assert.Throws<CommunicationObjectFaultedException>(() => throwingProxy.Echo(1, "x"));
        // A handler that throws instead of returning a faulted task still gives a faulted task, not a throwing call.
        var pending = throwingProxy.EchoAsync(1, "x");
        await Assert.ThrowsAsync<CommunicationObjectFaultedException>(() => pending);
    }

    [Fact]
    public void Callback_proxy_sends_callback_operations()
    {
        var handler = new RecordingCallHandler((_, args) => Task.FromResult<object?>($"client pong {args[0]}"));
        var callback = ContractProxy.Create<IEchoCallback>(Echo, handler, callbacks: true);

        Assert.Equal("client pong 5", callback.ClientPing(5));
        callback.OnTick(1, "tick");

        Assert.Equal(["urn:harness/IEchoService/ClientPing", "urn:harness/IEchoService/OnTick"], handler.Calls.Select(call => call.Operation.Action));
        Assert.All(handler.Calls, call => Assert.True(call.Operation.IsCallback));
    }

    [Fact]
    public void Proxy_derives_from_the_given_base_and_knows_its_contract()
    {
        var handler = new RecordingCallHandler((_, _) => Task.FromResult<object?>(null));

        var proxy = ContractProxy.Create<IEchoService, DisposableProxy>(Echo, handler, callbacks: false);

        var disposable = Assert.IsAssignableFrom<IDisposable>(proxy);
        disposable.Dispose();
        Assert.True(((DisposableProxy)(object)proxy).Disposed);
        Assert.Same(Echo, ((ContractProxyBase)(object)proxy).Contract);
        Assert.Same(handler, ((ContractProxyBase)(object)proxy).Handler);
    }

    [Fact]
    public void Wrong_interface_or_missing_callback_contract_is_refused()
    {
        var handler = new RecordingCallHandler((_, _) => Task.FromResult<object?>(null));

        Assert.Throws<ArgumentException>(() => ContractProxy.Create<IGameService>(Echo, handler, callbacks: false));
        Assert.Throws<ArgumentException>(() => ContractProxy.Create<IEchoService>(Echo, handler, callbacks: true));
        Assert.Throws<ArgumentException>(() => ContractProxy.Create<IGameService>(Game, handler, callbacks: true));
    }

    [Fact]
    public void A_method_that_is_not_an_operation_is_refused_without_calling_the_handler()
    {
        var handler = new RecordingCallHandler((_, _) => Task.FromResult<object?>(null));
        var proxy = ContractProxy.Create<IDefaultNames>(ContractDescription.GetContract(typeof(IDefaultNames)), handler, callbacks: false);

        Assert.Throws<NotSupportedException>(() => proxy.Helper());
        Assert.Empty(handler.Calls);
    }
}

/// <summary>A proxy base adding an interface, as a client channel adds ICommunicationObject.</summary>
public class DisposableProxy : ContractProxyBase, IDisposable
{
    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}
