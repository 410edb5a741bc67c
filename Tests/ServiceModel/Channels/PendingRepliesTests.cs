using System.Xml;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.Tests.ServiceModel.Channels;

/// <summary>The per-session deadline timer of the requests waiting for a reply.</summary>
public class PendingRepliesTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_waiter_without_a_reply_times_out_naming_its_request_and_timeout()
    {
        var pending = new PendingReplies();
        var waiter = pending.Add(new UniqueId(), "urn:test/Slow", _ => null, TimeSpan.FromMilliseconds(20));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => waiter.Completion.Task.WaitAsync(Bound));
        Assert.Equal("The request 'urn:test/Slow' got no reply within 00:00:00.0200000. Increase SendTimeout if the operation is slow.", error.Message);
        Assert.Equal(0, pending.Count);
    }

    [Fact]
    public async Task A_shorter_deadline_added_after_a_longer_one_still_times_out_first()
    {
        var pending = new PendingReplies();
        var patient = pending.Add(new UniqueId(), "urn:test", _ => null, TimeSpan.FromHours(1));
        var hasty = pending.Add(new UniqueId(), "urn:test", _ => null, TimeSpan.FromMilliseconds(20));

        await Assert.ThrowsAsync<TimeoutException>(() => hasty.Completion.Task.WaitAsync(Bound));
        Assert.False(patient.Completion.Task.IsCompleted);
        Assert.Equal(1, pending.Count);
    }

    [Fact]
    public async Task Waiters_added_after_a_sweep_time_out_too()
    {
        var pending = new PendingReplies();
        for (var round = 0; round < 3; round++)
        {
            var waiter = pending.Add(new UniqueId(), "urn:test", _ => null, TimeSpan.FromMilliseconds(10));
            await Assert.ThrowsAsync<TimeoutException>(() => waiter.Completion.Task.WaitAsync(Bound));
        }
    }

    [Fact]
    public async Task A_reply_completes_its_waiter_and_an_infinite_wait_arms_nothing()
    {
        var pending = new PendingReplies();
        var id = new UniqueId();
        var waiter = pending.Add(id, "urn:test", _ => "decoded", Timeout.InfiniteTimeSpan);

        Assert.True(pending.TryComplete(new Message("urn:reply", MessageBody.Empty) { RelatesTo = id }));

        Assert.Equal("decoded", await waiter.Completion.Task.WaitAsync(Bound));
        Assert.False(pending.TryComplete(new Message("urn:reply", MessageBody.Empty) { RelatesTo = id }));
    }
}
