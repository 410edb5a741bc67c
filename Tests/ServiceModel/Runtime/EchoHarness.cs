using System.Collections.Concurrent;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.ServiceModel.Runtime;

// The recorded session's contract is in Tests/Support/HarnessContract.cs; here are the service and callback implementations.

/// <summary>The same service seen by a client that calls it through Task-based methods (FooAsync is operation Foo).</summary>
[ServiceContract(Name = "IEchoService", Namespace = "urn:harness", CallbackContract = typeof(IEchoCallback), SessionMode = SessionMode.Required)]
public interface IEchoServiceAsync
{
    [OperationContract]
    Task<string> EchoAsync(int n, string s);

    [OperationContract(IsOneWay = true)]
    Task NotifyAsync(int n, string s);

    [OperationContract]
    Task<int> GetNotifyCountAsync();

    [OperationContract]
    [FaultContract(typeof(HarnessFault))]
    Task<string> FailAsync(int code, string message);
}

/// <summary>The service side of the harness, as the recorded CoreWCF service behaved.</summary>
[ServiceBehavior(ConcurrencyMode = ConcurrencyMode.Reentrant)]
public class EchoService : IEchoService
{
    private int _notifications;

    public string Echo(int n, string s) => s + ":" + n;

    public Task<string> EchoAsync(int n, string s) => Task.FromResult(Echo(n, s));

    public void Notify(int n, string s) => _notifications++;

    public int GetNotifyCount() => _notifications;

    public void StartCallbacks(int count, string s)
    {
        var callback = OperationContext.Current!.GetCallbackChannel<IEchoCallback>();
        for (var i = 1; i <= count; i++)
            callback.OnTick(i, s);
    }

    public string CallMeBack(int n) => "server got " + OperationContext.Current!.GetCallbackChannel<IEchoCallback>().ClientPing(n);

    public string Fail(int code, string message) =>
        throw new FaultException<HarnessFault>(new HarnessFault { Code = code, Detail = message }, "typed fault: " + message);

    public string Crash(string message) => throw new InvalidOperationException(message);
}

/// <summary>The harness service under ConcurrencyMode.Single, where WCF refuses two-way callbacks from operations.</summary>
[ServiceBehavior(ConcurrencyMode = ConcurrencyMode.Single)]
public sealed class SingleConcurrencyEchoService : EchoService;

/// <summary>The client side: records what the server called back.</summary>
public sealed class EchoCallback : IEchoCallback
{
    private readonly int _expectedTicks;
    private readonly TaskCompletionSource _allTicks = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EchoCallback(int expectedTicks = 0) => _expectedTicks = expectedTicks;

    public ConcurrentQueue<int> Ticks { get; } = new();

    public Task AllTicksReceived => _allTicks.Task;

    public void OnTick(int n, string s)
    {
        Ticks.Enqueue(n);
        if (Ticks.Count == _expectedTicks)
            _allTicks.TrySetResult();
    }

    public string ClientPing(int n) => "client pong " + n;
}
