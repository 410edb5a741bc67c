using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Store;
using Ikosa.Engine.Transactions;

namespace Ikosa.Tests.Engine;

public class NotificationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CommittedTransaction Commit(long serial, params (string Recipient, Notification Item)[] items) =>
        new(serial, [], items.GroupBy(i => i.Recipient)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Notification>)g.Select(i => i.Item).ToList()));

    [Fact]
    public void Each_recipient_gets_one_batch_per_commit_in_commit_order()
    {
        using var gate = TestEntities.Gate();
        var dispatcher = new NotificationDispatcher(gate.Serial);
        gate.AddListener(dispatcher);
        var alice = new RecordingConnection();
        var bob = new RecordingConnection();
        dispatcher.Connect("alice", alice);
        dispatcher.Connect("bob", bob);

        for (var i = 1; i <= 50; i++)
        {
            var n = i;
            gate.Write(tx =>
            {
                tx.Notify("alice", new Ping(n));
                tx.Notify("alice", new Ping(-n));
                if (n % 2 == 0) tx.Notify("bob", new Ping(n));
            });
        }
        Assert.Throws<InvalidOperationException>(() => gate.Write(tx =>
        {
            tx.Notify("alice", new Ping(999));
            throw new InvalidOperationException("rolled back: its notification is dropped");
        }));
        gate.Write(tx => tx.Notify(["alice", "bob"], new Ping(51)));

        var toAlice = alice.WaitForSerial(51);
        var toBob = bob.WaitForSerial(51);
        Assert.Equal(Enumerable.Range(1, 51).Select(i => (long)i), toAlice.SelectMany(b => b.Items).OfType<Ping>()
            .Where(p => p.Number > 0).Select(p => p.Number));
        Assert.True(toAlice.Zip(toAlice.Skip(1)).All(p => p.First.Serial < p.Second.Serial));
        Assert.DoesNotContain(toAlice.SelectMany(b => b.Items), i => i == new Ping(999));
        Assert.All(toBob.SelectMany(b => b.Items).OfType<Ping>(), p => Assert.True(p.Number % 2 == 0 || p.Number == 51));
    }

    [Fact]
    public void A_notice_reaches_connected_recipients_after_their_batches_keeps_the_last_serial_and_is_not_resent_on_resume()
    {
        using var gate = TestEntities.Gate();
        var dispatcher = new NotificationDispatcher(gate.Serial);
        gate.AddListener(dispatcher);
        var gm = new RecordingConnection();
        dispatcher.Connect("gm", gm);
        gate.Write(tx => tx.Notify("gm", new Ping(1)));
        gm.WaitForSerial(1); // else the two are coalesced into one numbered batch, as the next test shows

        dispatcher.Notice(["gm", "absent"], new Ping(-1));

        var received = gm.WaitFor(r => r.Count == 2);
        Assert.Equal((1L, false), (received[0].Serial, received[0].IsNotice));
        Assert.Equal((1L, true), (received[1].Serial, received[1].IsNotice));
        Assert.Equal(new Ping(-1), Assert.Single(received[1].Items));
        // Only what commits carried is kept for a recipient that resumes.
        var back = new RecordingConnection();
        Assert.Equal(ResumeKind.Resumed, dispatcher.Connect("gm", back, lastSerial: 0).Kind);
        Assert.Equal([new Ping(1)], back.WaitForSerial(1).SelectMany(b => b.Items));
        Assert.Equal(0, dispatcher.Connect("absent", new RecordingConnection(), lastSerial: 0).MissedBatches);
    }

    [Fact]
    public void A_notice_coalesced_with_batches_is_part_of_a_numbered_batch_and_alone_stays_a_notice()
    {
        var batch = new NotificationBatch(4, [new Ping(4)]);
        var notice = new NotificationBatch(4, [new Ping(-1)]) { IsNotice = true };

        Assert.False(NotificationBatch.Coalesce([batch, notice]).IsNotice);
        Assert.True(NotificationBatch.Coalesce([notice, notice with { Items = [new Ping(-2)] }]).IsNotice);
    }

    [Fact]
    public void Listeners_hear_of_a_commit_only_once_it_is_durable_and_the_lock_is_released()
    {
        var store = new SpyStore();
        using var gate = TestEntities.Gate(store: store);
        var checks = new List<string>();
        gate.AddListener(new Listener(commit =>
        {
            if (store.DurableSerial < commit.Serial) checks.Add($"commit {commit.Serial} released before durable");
            // Entering the gate from this thread would be refused if the write lock were still held.
            if (gate.Read(tx => tx.Serial) < commit.Serial) checks.Add("stale");
        }));

        for (var i = 0; i < 10; i++) gate.Write(tx => tx.Notify("alice", new Ping(1)));

        Assert.Empty(checks);
        Assert.Equal(10, store.DurableSerial);
    }

    [Fact]
    public async Task A_slow_recipients_pending_batches_are_coalesced_and_nobody_else_waits()
    {
        var dispatcher = new NotificationDispatcher(0);
        var releaseSlow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowIsSending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new RecordingConnection
        {
            Hold = b =>
            {
                if (b.Serial != 1) return Task.CompletedTask;
                slowIsSending.TrySetResult();
                return releaseSlow.Task;
            },
        };
        var fast = new RecordingConnection();
        dispatcher.Connect("slow", slow);
        dispatcher.Connect("fast", fast);

        dispatcher.OnCommitted(Commit(1, ("slow", new Ping(1)), ("fast", new Ping(1))));
        await slowIsSending.Task.WaitAsync(Patience);
        for (var s = 2; s <= 6; s++)
            dispatcher.OnCommitted(Commit(s, ("slow", new Ping(s % 2)), ("slow", new Ping(100 + s)), ("fast", new Ping(s))));

        // The fast one got everything while the slow one was stuck (possibly coalesced, as it is drained on the pool).
        Assert.Equal([1L, 2, 3, 4, 5, 6], fast.WaitForSerial(6).SelectMany(b => b.Items).Cast<Ping>().Select(p => p.Number));
        releaseSlow.SetResult();
        var toSlow = slow.WaitForSerial(6);

        Assert.Equal([1L, 6L], toSlow.Select(b => b.Serial));
        Assert.Equal([new Ping(0), new Ping(102), new Ping(1), new Ping(103), new Ping(104), new Ping(105), new Ping(106)], toSlow[1].Items);
    }

    [Fact]
    public async Task A_recipient_that_stays_over_its_bound_is_disconnected_with_a_reason()
    {
        var dispatcher = new NotificationDispatcher(0, new NotificationOptions { MaxPendingItems = 3 });
        var never = new TaskCompletionSource();
        var stuck = new RecordingConnection { Hold = _ => never.Task };
        var fine = new RecordingConnection();
        dispatcher.Connect("stuck", stuck);
        dispatcher.Connect("fine", fine);

        for (var s = 1; s <= 6; s++)
        {
            dispatcher.OnCommitted(Commit(s, ("stuck", new Ping(s)), ("fine", new Ping(s))));
            fine.WaitForSerial(s); // this one keeps up
        }

        Assert.Contains("bound", await stuck.Disconnected.WaitAsync(Patience));
        Assert.False(dispatcher.IsConnected("stuck"));
        Assert.True(dispatcher.IsConnected("fine"));
        Assert.Equal(6, fine.Received.Count);
        never.SetResult();
    }

    [Fact]
    public void Repeats_do_not_count_against_the_bound()
    {
        var dispatcher = new NotificationDispatcher(0, new NotificationOptions { MaxPendingItems = 3 });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new RecordingConnection { Hold = b => b.Serial == 1 ? release.Task : Task.CompletedTask };
        dispatcher.Connect("slow", slow);

        for (var s = 1; s <= 20; s++) dispatcher.OnCommitted(Commit(s, ("slow", new Ping(7))));

        release.SetResult();
        Assert.Equal(20, slow.WaitForSerial(20)[^1].Serial);
        Assert.False(slow.Disconnected.IsCompleted);
    }

    [Fact]
    public void A_reconnecting_recipient_gets_exactly_what_it_missed_then_new_batches()
    {
        var dispatcher = new NotificationDispatcher(0);
        var first = new RecordingConnection();
        dispatcher.Connect("alice", first);
        dispatcher.OnCommitted(Commit(1, ("alice", new Ping(1))));
        dispatcher.OnCommitted(Commit(2, ("bob", new Ping(2))));
        first.WaitForSerial(1);
        dispatcher.Disconnect("alice", first);
        dispatcher.OnCommitted(Commit(3, ("alice", new Ping(3))));
        dispatcher.OnCommitted(Commit(4, ("bob", new Ping(4))));
        dispatcher.OnCommitted(Commit(5, ("alice", new Ping(5))));

        var second = new RecordingConnection();
        var result = dispatcher.Connect("alice", second, lastSerial: 1);
        dispatcher.OnCommitted(Commit(6, ("alice", new Ping(6))));

        Assert.Equal(new ResumeResult(ResumeKind.Resumed, 2, 5), result);
        Assert.Equal([3L, 5, 6], second.WaitForSerial(6).SelectMany(b => b.Items).Cast<Ping>().Select(p => p.Number));
        Assert.Single(first.Received);
    }

    [Fact]
    public void A_serial_older_than_the_kept_history_or_unknown_requires_a_refetch()
    {
        var dispatcher = new NotificationDispatcher(10, new NotificationOptions { HistoryCommits = 2 });
        for (var s = 11; s <= 15; s++) dispatcher.OnCommitted(Commit(s, ("alice", new Ping(s))));

        Assert.Equal(ResumeKind.RefetchRequired, dispatcher.Connect("alice", new RecordingConnection(), lastSerial: 12).Kind);
        Assert.Equal(ResumeKind.Resumed, dispatcher.Connect("alice", new RecordingConnection(), lastSerial: 13).Kind);
        Assert.Equal(ResumeKind.RefetchRequired, dispatcher.Connect("alice", new RecordingConnection(), lastSerial: 99).Kind);
        Assert.Equal(ResumeKind.RefetchRequired, dispatcher.Connect("carol", new RecordingConnection(), lastSerial: 9).Kind);
        var carol = dispatcher.Connect("carol", new RecordingConnection(), lastSerial: 13);
        Assert.Equal(new ResumeResult(ResumeKind.Resumed, 0, 15), carol);
        Assert.Equal(ResumeKind.Fresh, dispatcher.Connect("dave", new RecordingConnection()).Kind);
    }

    [Fact]
    public void A_failing_send_detaches_the_recipient_without_affecting_others()
    {
        var dispatcher = new NotificationDispatcher(0);
        var broken = new RecordingConnection { FailWith = new IOException("socket closed") };
        var fine = new RecordingConnection();
        dispatcher.Connect("broken", broken);
        dispatcher.Connect("fine", fine);

        dispatcher.OnCommitted(Commit(1, ("broken", new Ping(1)), ("fine", new Ping(1))));
        fine.WaitForSerial(1);
        dispatcher.OnCommitted(Commit(2, ("broken", new Ping(2)), ("fine", new Ping(2))));

        Assert.Equal(2, fine.WaitForSerial(2).Count);
        Assert.Empty(broken.Received);
    }

    private sealed class Listener(Action<CommittedTransaction> onCommitted) : ICommitListener
    {
        public void OnCommitted(CommittedTransaction commit) => onCommitted(commit);
    }

    private sealed class SpyStore : IModelStore
    {
        public long DurableSerial { get; private set; }

        public StoredState Load() => StoredState.Empty;

        public void Commit(IReadOnlyList<CommittedTransaction> commits) => DurableSerial = commits[^1].Serial;

        public void Dispose()
        {
        }
    }
}
