using System.Collections.Concurrent;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Tests.ServiceModel.Runtime;

/// <summary>
/// The extension point for per-call concerns, as WCF has it: a service behavior (added, or declared as an attribute on the
/// service class) validates the service when the host opens and wraps each operation's invoker or adds parameter
/// inspectors; what they do reaches the client over the real wire.
/// </summary>
public sealed class ServiceBehaviorTests
{
    [Fact]
    public async Task A_wrapped_invoker_sees_every_call_and_may_refuse_one_with_a_typed_fault()
    {
        var refusing = new RefusingBehavior();
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>(h => h.Description.Behaviors.Add(refusing));
        var channel = host.DuplexFactory<IEchoService>(new EchoCallback()).CreateChannel();

        Assert.Equal("hi:1", channel.Echo(1, "hi"));
        var refused = Assert.Throws<FaultException<HarnessFault>>(() => channel.Fail(13, "unlucky"));
        Assert.Equal("refused by the behavior", refused.Detail.Detail); // the service itself would have sent "unlucky"
        Assert.Equal("after:2", channel.Echo(2, "after")); // a typed fault leaves the session open

        Assert.Equal(["Echo 1 EchoService", "Fail 13 EchoService", "Echo 2 EchoService"], refusing.Calls);
        ((IClientChannel)channel).Close();
    }

    [Fact]
    public async Task A_behavior_declared_on_a_base_class_applies_to_the_service()
    {
        await using var host = await LoopbackHost.StartAsync<ShoutingEchoService, IEchoService>();
        var channel = host.DuplexFactory<IEchoService>(new EchoCallback()).CreateChannel();

        Assert.Equal("HI:1", channel.Echo(1, "hi"));
        Assert.Contains(host.Host.Description.Behaviors, b => b is ShoutAttribute);
        ((IClientChannel)channel).Close();
    }

    [Fact]
    public async Task A_behavior_that_refuses_the_service_keeps_the_host_from_opening()
    {
        var host = new ServiceHost(typeof(EchoService), new Uri("net.tcp://127.0.0.1:0/"));
        host.AddServiceEndpoint(typeof(IEchoService), LoopbackHost.Binding(), "echo");
        host.Description.Behaviors.Add(new RefusingBehavior { RefuseService = true });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.OpenAsync());

        Assert.Contains("EchoService is not welcome", error.Message);
        Assert.NotEqual(CommunicationState.Opened, host.State);
    }

    [Fact]
    public async Task Parameter_inspectors_run_around_the_invoker_in_order_and_may_refuse_the_arguments()
    {
        var log = new ConcurrentQueue<string>();
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>(h =>
            h.Description.Behaviors.Add(new InspectingBehavior(new RecordingInspector("outer", log), new RecordingInspector("inner", log))));
        var channel = host.DuplexFactory<IEchoService>(new EchoCallback()).CreateChannel();

        Assert.Equal("hi:1", channel.Echo(1, "hi"));
        var refused = Assert.Throws<FaultException<HarnessFault>>(() => channel.Fail(-1, "negative"));

        Assert.Equal("n must not be negative", refused.Detail.Detail);
        Assert.Equal(
            ["outer before Echo(1, hi)", "inner before Echo(1, hi)", "inner after Echo = hi:1 (state inner)", "outer after Echo = hi:1 (state outer)", "outer before Fail(-1, negative)"],
            log);
        ((IClientChannel)channel).Close();
    }

    [Fact]
    public async Task The_dispatch_names_the_implementation_method_and_is_fixed_once_open()
    {
        var seen = new List<DispatchOperation>();
        await using var host = await LoopbackHost.StartAsync<ShoutingEchoService, IEchoService>(h => h.Description.Behaviors.Add(new RecordingBehavior(seen)));

        var echo = Assert.Single(seen, d => d.Name == "Echo");
        Assert.Equal((typeof(EchoService), nameof(EchoService.Echo)), (echo.ImplementationMethod.DeclaringType, echo.ImplementationMethod.Name));
        Assert.Equal(ContractDescription.GetContract(typeof(IEchoService)).Operations.Count, seen.Count);
        Assert.Throws<InvalidOperationException>(() => echo.Invoker = echo.Invoker);
        Assert.Throws<NotSupportedException>(() => echo.ParameterInspectors.Add(new RecordingInspector("late", new())));
    }

    /// <summary>Records each call and refuses Fail(13, …) with the contract's typed fault before the service sees it.</summary>
    private sealed class RefusingBehavior : IServiceBehavior
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public bool RefuseService { get; init; }

        public void Validate(ServiceRegistration service, ServiceHost host)
        {
            if (RefuseService)
                throw new InvalidOperationException($"{service.ServiceType.Name} is not welcome here.");
        }

        public void ApplyDispatchBehavior(ServiceRegistration service, ServiceHost host)
        {
            foreach (var operation in service.DispatchOperations)
                operation.Invoker = new Invoker(this, operation.Name, operation.Invoker);
        }

        private sealed class Invoker(RefusingBehavior behavior, string name, IOperationInvoker inner) : IOperationInvoker
        {
            public Task<object?> InvokeAsync(object instance, object?[] inputs)
            {
                behavior.Calls.Enqueue($"{name} {inputs.FirstOrDefault()} {instance.GetType().Name}");
                if (inputs is [13, ..])
                    throw new FaultException<HarnessFault>(new HarnessFault { Code = 13, Detail = "refused by the behavior" }, "refused");
                return inner.InvokeAsync(instance, inputs);
            }
        }
    }

    private sealed class InspectingBehavior(params IParameterInspector[] inspectors) : IServiceBehavior
    {
        public void Validate(ServiceRegistration service, ServiceHost host)
        {
        }

        public void ApplyDispatchBehavior(ServiceRegistration service, ServiceHost host)
        {
            foreach (var operation in service.DispatchOperations.Where(o => o.Name is "Echo" or "Fail"))
                foreach (var inspector in inspectors)
                    operation.ParameterInspectors.Add(inspector);
        }
    }

    private sealed class RecordingInspector(string name, ConcurrentQueue<string> log) : IParameterInspector
    {
        public object? BeforeCall(string operationName, object?[] inputs)
        {
            log.Enqueue($"{name} before {operationName}({string.Join(", ", inputs)})");
            if (inputs is [< 0, ..])
                throw new FaultException<HarnessFault>(new HarnessFault { Detail = "n must not be negative" }, "invalid argument");
            return name;
        }

        public void AfterCall(string operationName, object?[] outputs, object? returnValue, object? correlationState) =>
            log.Enqueue($"{name} after {operationName} = {returnValue} (state {correlationState})");
    }

    private sealed class RecordingBehavior(List<DispatchOperation> seen) : IServiceBehavior
    {
        public void Validate(ServiceRegistration service, ServiceHost host)
        {
        }

        public void ApplyDispatchBehavior(ServiceRegistration service, ServiceHost host) => seen.AddRange(service.DispatchOperations);
    }
}

/// <summary>Upper-cases Echo's reply: a behavior declared once, on the class, for every call.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ShoutAttribute : Attribute, IServiceBehavior
{
    public void Validate(ServiceRegistration service, ServiceHost host)
    {
    }

    public void ApplyDispatchBehavior(ServiceRegistration service, ServiceHost host)
    {
        foreach (var operation in service.DispatchOperations.Where(o => o.Name == "Echo"))
            operation.Invoker = new Shouting(operation.Invoker);
    }

    private sealed class Shouting(IOperationInvoker inner) : IOperationInvoker
    {
        public async Task<object?> InvokeAsync(object instance, object?[] inputs) =>
            ((string?)await inner.InvokeAsync(instance, inputs))?.ToUpperInvariant();
    }
}

[Shout]
public class ShoutingEchoBase : EchoService;

public sealed class ShoutingEchoService : ShoutingEchoBase;
