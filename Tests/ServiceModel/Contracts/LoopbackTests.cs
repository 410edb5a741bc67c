using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Tests.ServiceModel.Contracts;

/// <summary>Proxy, formatter, invoker and fault converter composed as the channels compose them.</summary>
public class LoopbackTests
{
    private static readonly ContractDescription Echo = ContractDescription.GetContract(typeof(IEchoService));
    private static readonly ContractDescription Game = ContractDescription.GetContract(typeof(IGameService));

    [Fact]
    public async Task The_harness_scenario_runs_through_proxy_formatter_and_invoker()
    {
        var service = new HarnessService();
        var proxy = ContractProxy.Create<IEchoService>(Echo, new LoopbackCallHandler(Echo, service, includeExceptionDetail: false), callbacks: false);

        Assert.Equal("hello:42", proxy.Echo(42, "hello"));
        Assert.Equal("async:7", await proxy.EchoAsync(7, "async"));
        for (var i = 0; i < 100; i++)
            proxy.Notify(i, "one-way");
        Assert.Equal(99, proxy.GetNotifyCount());

        var fault = Assert.Throws<FaultException<HarnessFault>>(() => proxy.Fail(17, "boom"));
        Assert.Equal("typed fault: boom", fault.Reason);
        Assert.Equal(17, fault.Detail.Code);

        var crash = Assert.Throws<FaultException>(() => proxy.Crash("kaboom"));
        Assert.Equal("InternalServiceFault", crash.Code.SubCode!.Name);
        Assert.DoesNotContain("kaboom", crash.Reason);
    }

    [Fact]
    public void Exception_detail_reaches_the_client_when_the_service_includes_it()
    {
        var proxy = ContractProxy.Create<IEchoService>(Echo, new LoopbackCallHandler(Echo, new HarnessService(), includeExceptionDetail: true), callbacks: false);

        var crash = Assert.Throws<FaultException<ExceptionDetail>>(() => proxy.Crash("kaboom"));

        Assert.Equal("kaboom", crash.Detail.Message);
        Assert.Equal(typeof(InvalidOperationException).FullName, crash.Detail.Type);
    }

    [Fact]
    public async Task Out_ref_nulls_and_known_types_survive_the_trip()
    {
        var proxy = ContractProxy.Create<IGameService>(Game, new LoopbackCallHandler(Game, new GameService(), includeExceptionDetail: false), callbacks: false);
        var log = "start";

        Assert.True(proxy.TryRoll(6, out var rolled, ref log));
        var moved = await proxy.MoveAsync(new Circle { Radius = 3 }, null);
        var shapes = proxy.Shapes([2]);

        Assert.Equal(6, rolled);
        Assert.Equal("start, rolled 6", log);
        Assert.Equal("moved null", Assert.IsType<Circle>(moved).Name);
        Assert.Equal(2, Assert.IsType<Square>(Assert.Single(shapes)).Side);
        Assert.Null(await proxy.MoveAsync(null, 1));
    }

    [Fact]
    public void Fault_reasons_and_details_round_trip_for_any_text()
    {
        var fail = Echo.FindByAction("urn:harness/IEchoService/Fail")!;
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<int, string?>((code, text) =>
        {
            var reason = WellFormed(text) ?? "";
            var detail = WellFormed(text);
            var thrown = new FaultException<HarnessFault>(new HarnessFault { Code = code, Detail = detail }, reason);
            var read = (FaultException<HarnessFault>)FaultConverter.ReadFault(FaultConverter.CreateFault(thrown, fail, false), fail);
            return read.Reason == reason && read.Detail.Code == code && read.Detail.Detail == detail;
        }));
    }

    /// <summary>Text without lone surrogates (which no XML writer accepts) — other characters are fair game.</summary>
    private static string? WellFormed(string? text) =>
        text is null ? null : new string(text.Where(c => !char.IsSurrogate(c)).ToArray());

    private sealed class HarnessService : IEchoService
    {
        private int lastNotified;

        public string Echo(int n, string s) => $"{s}:{n}";
        public Task<string> EchoAsync(int n, string s) => Task.FromResult(Echo(n, s));
        public void Notify(int n, string s) => lastNotified = n;
        public int GetNotifyCount() => lastNotified;
        public void StartCallbacks(int count, string s) { }
        public string CallMeBack(int n) => $"server got client pong {n}";
        public string Fail(int code, string message) =>
            throw new FaultException<HarnessFault>(new HarnessFault { Code = code, Detail = message }, "typed fault: " + message);
        public string Crash(string message) => throw new InvalidOperationException(message);
    }

    private sealed class GameService : IGameService
    {
        public bool TryRoll(int sides, out int rolled, ref string log)
        {
            rolled = sides;
            log += $", rolled {sides}";
            return true;
        }

        public Task<Shape?> MoveAsync(Shape? shape, int? steps)
        {
            if (shape is not null)
                shape.Name = $"moved {steps?.ToString() ?? "null"}";
            return Task.FromResult(shape);
        }

        public Task ResetAsync(string? reason) => Task.CompletedTask;
        public Shape[] Shapes(int[] sizes) => sizes.Select(size => (Shape)new Square { Side = size }).ToArray();
        public void Say(string text) { }
        public void Forbidden() { }
    }
}
