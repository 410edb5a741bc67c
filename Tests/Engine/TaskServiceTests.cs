using System.Collections.Immutable;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;
using Ikosa.Engine.Tasks;
using Ikosa.Engine.Transactions;

namespace Ikosa.Tests.Engine;

public class TaskServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task One_queues_requests_run_in_arrival_order()
    {
        using var gate = TestEntities.Gate();
        await using var tasks = new TaskService(gate);
        var log = EntityId.New();
        gate.Write(tx => tx.Put(new Item(log, "log", ImmutableList<string>.Empty)));

        var submitted = Enumerable.Range(0, 200).Select(i => tasks.Submit("session-1", i % 3 == 0 ? TransactionMode.Read : TransactionMode.Write, tx =>
        {
            var item = tx.Get<Item>(log);
            tx.Put(item with { Tags = item.Tags.Add(i.ToString()) });
        })).ToArray();
        await Task.WhenAll(submitted).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 200).Select(i => i.ToString()), gate.Read(tx => tx.Get<Item>(log).Tags));
        Assert.Equal(67, gate.Metrics.Snapshot().ReadsUpgradedToWrites);
    }

    [Fact]
    public async Task Different_queues_read_concurrently()
    {
        using var gate = TestEntities.Gate();
        await using var tasks = new TaskService(gate);
        using var bothInside = new Barrier(2);

        var a = tasks.Submit("alice", TransactionMode.Read, _ => bothInside.SignalAndWait(Patience));
        var b = tasks.Submit("bob", TransactionMode.Read, _ => bothInside.SignalAndWait(Patience));

        Assert.True(await a);
        Assert.True(await b);
    }

    [Fact]
    public async Task A_read_that_may_run_now_runs_on_the_callers_thread_when_its_queue_is_idle_and_the_gate_free()
    {
        using var gate = TestEntities.Gate();
        await using var tasks = new TaskService(gate);
        var caller = Environment.CurrentManagedThreadId;

        var read = tasks.Submit("alice", TransactionMode.Read, _ => Environment.CurrentManagedThreadId, runNowIfFree: true);

        Assert.True(read.IsCompletedSuccessfully); // done before Submit returned: no trip through the pool
        Assert.Equal(caller, await read);
    }

    [Fact]
    public async Task A_read_that_may_run_now_waits_in_its_queue_behind_a_writer_and_behind_its_queues_earlier_tasks()
    {
        using var gate = TestEntities.Gate();
        await using var tasks = new TaskService(gate);
        var counter = EntityId.New();
        gate.Write(tx => tx.Put(new Counter(counter, 0)));
        using var writing = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        // A writer holds the gate: the read must not wait for it on the caller's thread.
        var write = Task.Run(() => gate.Write(tx =>
        {
            tx.Put(tx.Get<Counter>(counter) with { Value = 1 });
            writing.Set();
            release.Wait(Patience);
        }));
        Assert.True(writing.Wait(Patience));
        var read = tasks.Submit("alice", TransactionMode.Read, tx => tx.Get<Counter>(counter).Value, runNowIfFree: true);
        Assert.False(read.IsCompleted);
        release.Set();
        await write.WaitAsync(Patience);
        Assert.Equal(1, await read.WaitAsync(Patience));

        // Its queue is busy with a read (so the gate is free for reads): the read still comes after it, in its turn.
        using var inside = new ManualResetEventSlim();
        using var go = new ManualResetEventSlim();
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var busy = tasks.Submit("bob", TransactionMode.Read, _ =>
        {
            inside.Set();
            go.Wait(Patience);
            order.Enqueue("first");
            return true;
        });
        Assert.True(inside.Wait(Patience));
        var after = tasks.Submit("bob", TransactionMode.Read, _ =>
        {
            order.Enqueue("second");
            return true;
        }, runNowIfFree: true);
        Assert.False(after.IsCompleted);
        go.Set();
        await Task.WhenAll(busy, after).WaitAsync(Patience);
        Assert.Equal(["first", "second"], order);
    }

    [Fact]
    public async Task A_read_that_may_run_now_and_changes_the_model_is_run_again_as_a_write()
    {
        using var gate = TestEntities.Gate();
        await using var tasks = new TaskService(gate);
        var counter = EntityId.New();
        gate.Write(tx => tx.Put(new Counter(counter, 0)));

        var serial = await tasks.Submit("alice", TransactionMode.Read, tx =>
        {
            tx.Put(tx.Get<Counter>(counter) with { Value = 5 });
            return tx.Serial;
        }, runNowIfFree: true).WaitAsync(Patience);

        Assert.Equal(5, gate.Read(tx => tx.Get<Counter>(counter).Value));
        Assert.Equal(1, gate.Metrics.Snapshot().ReadsUpgradedToWrites);
        Assert.True(serial >= 1);
    }

    [Fact]
    public async Task Errors_reach_the_submitter_and_the_queue_goes_on()
    {
        using var gate = TestEntities.Gate();
        await using var tasks = new TaskService(gate);

        var bad = tasks.Submit("s", TransactionMode.Write, tx =>
        {
            tx.Put(new Counter(EntityId.New(), 1));
            throw new ArgumentException("bad input");
        });
        var good = tasks.Submit("s", TransactionMode.Read, tx => tx.Serial);

        await Assert.ThrowsAsync<ArgumentException>(() => bad);
        Assert.Equal(0, await good);
    }

    [Fact]
    public async Task A_requeued_task_keeps_its_place_in_its_queue_and_gets_a_doubled_budget()
    {
        var clock = new ManualClock();
        using var gate = TestEntities.Gate(new GateOptions { Time = clock, Retry = new RetryPolicy(ImmediateRetries: 1, Requeues: 1) });
        await using var tasks = new TaskService(gate);
        var id = EntityId.New();
        var tries = 0;

        var slow = tasks.Submit("s", TransactionMode.Write, tx =>
        {
            tries++;
            clock.Advance(TimeSpan.FromMilliseconds(150)); // over 100 ms, within 200 ms
            tx.Put(new Counter(id, 1));
        });
        var next = tasks.Submit("s", TransactionMode.Read, tx => tx.Find<Counter>(id)?.Value);

        await slow;
        Assert.Equal(1, await next);
        Assert.Equal(3, tries);
    }

    [Fact]
    public async Task A_delayed_task_runs_once_when_due_and_only_if_its_transaction_committed()
    {
        var clock = new ManualClock();
        using var gate = TestEntities.Gate(new GateOptions { Time = clock });
        await using var tasks = new TaskService(gate);
        var counter = EntityId.New();
        gate.Write(tx => tx.Schedule(new BumpCounter(EntityId.New(), counter), TimeSpan.FromSeconds(10)));
        Assert.Throws<InvalidOperationException>(() => gate.Write(tx =>
        {
            tx.Schedule(new BumpCounter(EntityId.New(), counter), TimeSpan.FromSeconds(1));
            throw new InvalidOperationException("rolled back");
        }));
        Assert.Equal(1, tasks.ScheduledCount);

        clock.Advance(TimeSpan.FromSeconds(9));
        await tasks.RunDueAsync();
        Assert.Null(gate.Read(tx => tx.Find<Counter>(counter)));

        clock.Advance(TimeSpan.FromSeconds(1));
        await tasks.RunDueAsync();
        await tasks.RunDueAsync();
        Assert.Equal(1, gate.Read(tx => tx.Get<Counter>(counter).Value));
        Assert.Empty(gate.Read(tx => tx.All<ScheduledTask>().ToList()));
        Assert.Equal(0, tasks.ScheduledCount);
    }

    [Fact]
    public async Task A_cancelled_task_never_runs()
    {
        var clock = new ManualClock();
        using var gate = TestEntities.Gate(new GateOptions { Time = clock });
        await using var tasks = new TaskService(gate);
        var counter = EntityId.New();
        var taskId = gate.Write(tx => tx.Schedule(new BumpCounter(EntityId.New(), counter), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        Assert.True(gate.Write(tx => tx.Cancel(taskId)));
        clock.Advance(TimeSpan.FromSeconds(5));
        await tasks.RunDueAsync();

        Assert.Null(gate.Read(tx => tx.Find<Counter>(counter)));
        Assert.False(gate.Write(tx => tx.Cancel(taskId)));
    }

    [Fact]
    public async Task A_periodic_task_repeats_and_skips_periods_it_missed()
    {
        var clock = new ManualClock();
        using var gate = TestEntities.Gate(new GateOptions { Time = clock });
        await using var tasks = new TaskService(gate);
        var counter = EntityId.New();
        var start = clock.GetUtcNow();
        var taskId = gate.Write(tx => tx.Schedule(new BumpCounter(EntityId.New(), counter), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)));

        clock.Advance(TimeSpan.FromSeconds(5));
        await tasks.RunDueAsync();
        Assert.Equal(1, gate.Read(tx => tx.Get<Counter>(counter).Value));
        Assert.Equal(start + TimeSpan.FromSeconds(10), gate.Read(tx => tx.Get<ScheduledTask>(taskId).DueAt));

        clock.Advance(TimeSpan.FromSeconds(17)); // now = start + 22: due at 10, missed 15 and 20
        await tasks.RunDueAsync();
        Assert.Equal(2, gate.Read(tx => tx.Get<Counter>(counter).Value));
        Assert.Equal(start + TimeSpan.FromSeconds(25), gate.Read(tx => tx.Get<ScheduledTask>(taskId).DueAt));
    }

    [Fact]
    public async Task A_failing_task_is_contained_dropped_if_one_shot_and_skipped_if_periodic()
    {
        var clock = new ManualClock();
        using var gate = TestEntities.Gate(new GateOptions { Time = clock });
        await using var tasks = new TaskService(gate);
        var once = gate.Write(tx => tx.Schedule(new FailingTask(EntityId.New())));
        var periodic = gate.Write(tx => tx.Schedule(new FailingTask(EntityId.New()), TimeSpan.Zero, TimeSpan.FromSeconds(3)));

        await tasks.RunDueAsync();

        Assert.False(gate.Read(tx => tx.Exists(once)));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(3), gate.Read(tx => tx.Get<ScheduledTask>(periodic).DueAt));
    }

    // A loaded test machine must not push a task over its time budget: it would be dropped, not delayed.
    private static GateOptions RestartOptions(TimeProvider clock) => new() { Time = clock, Budget = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Delayed_and_periodic_tasks_survive_a_restart()
    {
        using var dir = new TempDirectory();
        var file = dir.File("game.ikosa");
        var clock = new ManualClock();
        var counter = EntityId.New();
        using (var store = new SqliteStore(file, TestEntities.Registry()))
        using (var gate = new ModelGate(TestEntities.Registry(), store, RestartOptions(clock)))
        {
            await using var tasks = new TaskService(gate);
            gate.Write(tx =>
            {
                tx.Schedule(new BumpCounter(EntityId.New(), counter), TimeSpan.FromSeconds(30));
                tx.Schedule(new BumpCounter(EntityId.New(), counter), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));
            });
        }

        clock.Advance(TimeSpan.FromSeconds(61)); // the host was down while both came due
        using (var store = new SqliteStore(file, TestEntities.Registry()))
        using (var gate = new ModelGate(TestEntities.Registry(), store, RestartOptions(clock)))
        {
            await using var tasks = new TaskService(gate);
            tasks.Start(); // arms both; its timer may run them at once, being overdue
            await tasks.RunDueAsync(); // runs what the timer did not take, and waits for what it did
            Assert.Equal(2, gate.Read(tx => tx.Get<Counter>(counter).Value));
            Assert.Equal(1, tasks.ScheduledCount);
        }
    }

    [Fact]
    public async Task The_timer_runs_due_tasks_by_itself()
    {
        using var gate = TestEntities.Gate();
        await using var tasks = new TaskService(gate);
        var counter = EntityId.New();
        var bumped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.AddListener(new OnChange(counter, bumped));
        tasks.Start();

        gate.Write(tx => tx.Schedule(new BumpCounter(EntityId.New(), counter), TimeSpan.FromMilliseconds(20)));

        await bumped.Task.WaitAsync(Patience);
        Assert.Equal(1, gate.Read(tx => tx.Get<Counter>(counter).Value));
    }

    private sealed class OnChange(EntityId id, TaskCompletionSource changed) : ICommitListener
    {
        public void OnCommitted(CommittedTransaction commit)
        {
            if (commit.Changes.Any(c => c.Id == id)) changed.TrySetResult();
        }
    }
}
