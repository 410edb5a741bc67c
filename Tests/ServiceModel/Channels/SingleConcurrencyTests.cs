using Ikosa.ServiceModel;
using Ikosa.Tests.ServiceModel.Runtime;

namespace Ikosa.Tests.ServiceModel.Channels;

[ServiceContract(Namespace = "urn:single", SessionMode = SessionMode.Required)]
public interface IHoldingService
{
    /// <summary>Waits until the test opens the gate the service was given.</summary>
    [OperationContract]
    Task<string> HoldAsync();

    [OperationContract(IsOneWay = true)]
    void Note(int n);

    [OperationContract]
    string[] GetLog();
}

/// <summary>A Single-concurrency service whose first call waits on a gate, logging the order its calls run in.</summary>
[ServiceBehavior(ConcurrencyMode = ConcurrencyMode.Single, InstanceContextMode = InstanceContextMode.PerSession)]
public sealed class HoldingService : IHoldingService
{
    public static TaskCompletionSource Started { get; set; } = new();

    public static TaskCompletionSource Gate { get; set; } = new();

    private readonly List<string> _log = new();

    public async Task<string> HoldAsync()
    {
        _log.Add("hold-start");
        Started.TrySetResult();
        await Gate.Task.ConfigureAwait(false);
        _log.Add("hold-end");
        return "held";
    }

    public void Note(int n) => _log.Add("note" + n);

    public string[] GetLog() => _log.ToArray();
}

/// <summary>
/// ConcurrencyMode.Single runs a call on the receive loop; a call that waits must still hold back the calls after it,
/// and its request must still time out on the client.
/// </summary>
public class SingleConcurrencyTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Calls_behind_a_waiting_call_run_after_it_in_order()
    {
        HoldingService.Started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        HoldingService.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await LoopbackHost.StartAsync<HoldingService, IHoldingService>();
        using var factory = host.Factory<IHoldingService>();
        var proxy = factory.CreateChannel();

        var held = proxy.HoldAsync();
        await HoldingService.Started.Task.WaitAsync(Bound);
        for (var i = 1; i <= 5; i++)
            proxy.Note(i);
        HoldingService.Gate.SetResult();

        Assert.Equal("held", await held.WaitAsync(Bound));
        Assert.Equal(["hold-start", "hold-end", "note1", "note2", "note3", "note4", "note5"], proxy.GetLog());
        ((IClientChannel)proxy).Close();
    }

    [Fact]
    public async Task A_call_with_no_reply_times_out_and_leaves_the_channel_open()
    {
        HoldingService.Started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        HoldingService.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await LoopbackHost.StartAsync<HoldingService, IHoldingService>();
        var binding = LoopbackHost.Binding();
        binding.SendTimeout = TimeSpan.FromMilliseconds(200);
        using var factory = new ChannelFactory<IHoldingService>(binding, new EndpointAddress(host.Address().AbsoluteUri));
        var proxy = factory.CreateChannel();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => proxy.HoldAsync().WaitAsync(Bound));
        Assert.Contains("got no reply within", error.Message);

        Assert.Equal(CommunicationState.Opened, ((IClientChannel)proxy).State);
        HoldingService.Gate.SetResult();
        ((IClientChannel)proxy).Abort();
    }
}
