using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Tests.ServiceModel.Contracts;

public class OperationInvokerTests
{
    private static readonly ContractDescription Game = ContractDescription.GetContract(typeof(IGameService));
    private static readonly ContractDescription Echo = ContractDescription.GetContract(typeof(IEchoService));

    private static OperationDescription Operation(string name) => Game.Operations.Single(operation => operation.Name == name);

    [Fact]
    public async Task Sync_operation_returns_its_result_and_out_ref_values()
    {
        var service = new GameService();
        var arguments = new object?[] { 20, 0, "start" };

        var result = await OperationInvoker.InvokeAsync(service, Operation("TryRoll"), arguments);

        Assert.Equal(true, result);
        Assert.Equal(new object?[] { 20, 20, "start, rolled 20" }, arguments);
    }

    [Fact]
    public async Task Task_of_T_operation_is_awaited_for_its_result()
    {
        var service = new GameService();
        var call = OperationInvoker.InvokeAsync(service, Operation("Move"), [new Circle { Radius = 1 }, 2]);
        Assert.False(call.IsCompleted);

        service.MoveGate.SetResult();

        var moved = Assert.IsType<Circle>(await call);
        Assert.Equal("moved 2", moved.Name);
    }

    [Fact]
    public async Task Task_operation_completes_with_null()
    {
        var service = new GameService();

        Assert.Null(await OperationInvoker.InvokeAsync(service, Operation("Reset"), ["why"]));
        Assert.Equal("why", service.ResetReason);
    }

    [Fact]
    public async Task Exceptions_come_out_unwrapped_from_sync_and_Task_operations()
    {
        var service = new GameService();

        var syncFault = await Assert.ThrowsAsync<FaultException<GameFault>>(() => OperationInvoker.InvokeAsync(service, Operation("Forbidden"), []));
        var taskError = await Assert.ThrowsAsync<InvalidOperationException>(() => OperationInvoker.InvokeAsync(service, Operation("Reset"), ["fail"]));

        Assert.Equal("no", syncFault.Detail.Why);
        Assert.Equal("reset failed", taskError.Message);
    }

    [Fact]
    public async Task Wrong_arguments_are_refused_before_the_implementation_runs()
    {
        var service = new GameService();

        var count = await Assert.ThrowsAsync<ArgumentException>(() => OperationInvoker.InvokeAsync(service, Operation("Reset"), []));
        var type = await Assert.ThrowsAsync<ArgumentException>(() => OperationInvoker.InvokeAsync(service, Operation("TryRoll"), ["x", 0, ""]));
        var nullValue = await Assert.ThrowsAsync<ArgumentException>(() => OperationInvoker.InvokeAsync(service, Operation("TryRoll"), [null, 0, ""]));
        var instance = await Assert.ThrowsAsync<ArgumentException>(() => OperationInvoker.InvokeAsync(new object(), Operation("Reset"), [""]));

        Assert.Contains("takes 1 arguments; 0 were given", count.Message);
        Assert.Contains("'sides' must be a Int32, not a String", type.Message);
        Assert.Contains("not null", nullValue.Message);
        Assert.Contains("does not implement IGameService", instance.Message);
        Assert.Null(service.ResetReason);
    }

    [Fact]
    public async Task Twin_operation_invokes_the_first_declared_method()
    {
        var echo = Echo.FindByAction("urn:harness/IEchoService/Echo")!;

        Assert.Equal("hi:1", await OperationInvoker.InvokeAsync(new EchoService(), echo, [1, "hi"]));
    }

    [Fact]
    public async Task A_null_Task_is_a_clear_error()
    {
        var service = new GameService { ReturnNullTask = true };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OperationInvoker.InvokeAsync(service, Operation("Reset"), ["x"]));

        Assert.Contains("null Task", error.Message);
    }

    private sealed class GameService : IGameService
    {
        public TaskCompletionSource MoveGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? ResetReason { get; private set; }

        public bool ReturnNullTask { get; init; }

        public bool TryRoll(int sides, out int rolled, ref string log)
        {
            rolled = sides;
            log += $", rolled {sides}";
            return true;
        }

        public async Task<Shape?> MoveAsync(Shape? shape, int? steps)
        {
            await MoveGate.Task;
            shape!.Name = $"moved {steps}";
            return shape;
        }

        public Task ResetAsync(string? reason)
        {
            if (ReturnNullTask)
                return null!;
            return reason == "fail" ? Fail() : Record();

            async Task Fail()
            {
                await Task.Yield();
                throw new InvalidOperationException("reset failed");
            }

            Task Record()
            {
                ResetReason = reason;
                return Task.CompletedTask;
            }
        }

        public Shape[] Shapes(int[] sizes) => [];

        public void Say(string text) { }

        public void Forbidden() => throw new FaultException<GameFault>(new GameFault { Why = "no" }, "refused");
    }

    private sealed class EchoService : IEchoService
    {
        public string Echo(int n, string s) => $"{s}:{n}";
        public Task<string> EchoAsync(int n, string s) => Task.FromResult("async should not be used");
        public void Notify(int n, string s) { }
        public int GetNotifyCount() => 0;
        public void StartCallbacks(int count, string s) { }
        public string CallMeBack(int n) => "";
        public string Fail(int code, string message) => "";
        public string Crash(string message) => "";
    }
}
