using Ikosa.ServiceModel;

namespace Ikosa.Bench.ServiceModel;

/// <summary>The contract the ServiceModel benchmarks call: a small request/reply and a burst of one-way callbacks.</summary>
[ServiceContract(Namespace = "urn:bench", CallbackContract = typeof(IBenchCallback), SessionMode = SessionMode.Required)]
public interface IBenchService
{
    [OperationContract]
    Task<string> EchoAsync(int n, string s);

    /// <summary>Sends <paramref name="count"/> one-way OnTick callbacks to the caller, then answers.</summary>
    [OperationContract]
    Task<int> FloodAsync(int count);
}

[ServiceContract(Namespace = "urn:bench")]
public interface IBenchCallback
{
    [OperationContract(IsOneWay = true)]
    void OnTick(int n);
}

public sealed class BenchService : IBenchService
{
    public Task<string> EchoAsync(int n, string s) => Task.FromResult(s);

    public Task<int> FloodAsync(int count)
    {
        var callback = OperationContext.Current!.GetCallbackChannel<IBenchCallback>();
        for (var i = 1; i <= count; i++)
            callback.OnTick(i);
        return Task.FromResult(count);
    }
}

/// <summary>Counts callbacks and completes once the expected number has arrived.</summary>
public sealed class CountingCallback : IBenchCallback
{
    private int _expected = int.MaxValue;
    private int _received;
    private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts counting afresh; the task completes when <paramref name="expected"/> callbacks have arrived.</summary>
    public Task Expect(int expected)
    {
        _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _received, 0);
        Volatile.Write(ref _expected, expected);
        return _all.Task;
    }

    public void OnTick(int n)
    {
        if (Interlocked.Increment(ref _received) == Volatile.Read(ref _expected))
            _all.TrySetResult();
    }
}
