using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Transactions;

namespace Ikosa.Tests.Engine;

public class GateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_read_that_changes_the_model_is_aborted_and_rerun_as_a_write()
    {
        using var gate = TestEntities.Gate();
        var id = EntityId.New();
        var modes = new List<TransactionMode>();

        var result = gate.Read(tx =>
        {
            modes.Add(tx.Mode);
            tx.Notify("alice", new Ping(1)); // happens first in the read, and must not survive it
            tx.Put(new Counter(id, 1));
            return tx.Get<Counter>(id).Value;
        });

        Assert.Equal(1, result);
        Assert.Equal([TransactionMode.Read, TransactionMode.Write], modes);
        Assert.Equal(1, gate.Serial);
        Assert.Equal(1, gate.Metrics.Snapshot().ReadsUpgradedToWrites);
    }

    [Fact]
    public void A_read_that_swallows_its_abort_is_still_rerun_as_a_write()
    {
        using var gate = TestEntities.Gate();
        var id = EntityId.New();
        var runs = 0;

        gate.Read(tx =>
        {
            runs++;
            try
            {
                tx.Put(new Counter(id, runs));
            }
            catch (WriteRequiredException)
            {
            }
        });

        Assert.Equal(2, runs);
        Assert.Equal(2, gate.Read(tx => tx.Get<Counter>(id).Value));
    }

    [Fact]
    public void Entering_the_gate_from_inside_it_is_refused_clearly()
    {
        using var gate = TestEntities.Gate();
        var error = Assert.Throws<InvalidOperationException>(() => gate.Read(_ => gate.Read(_ => 1)));
        Assert.Contains("inside the gate", error.Message);
        Assert.Throws<InvalidOperationException>(() => gate.Write(_ => gate.Write(tx => tx.Put(new Counter(EntityId.New(), 1)))));
        Assert.Equal(0, gate.Serial);
    }

    [Fact]
    public async Task Waiting_longer_than_the_lock_timeout_is_a_server_busy_error()
    {
        using var gate = TestEntities.Gate(new GateOptions { LockTimeout = TimeSpan.FromMilliseconds(50), Budget = Timeout.InfiniteTimeSpan });
        using var writerInside = new ManualResetEventSlim();
        using var releaseWriter = new ManualResetEventSlim();
        var writer = Task.Run(() => gate.Write(tx =>
        {
            tx.Put(new Counter(EntityId.New(), 1));
            writerInside.Set();
            releaseWriter.Wait(Patience);
        }));
        Assert.True(writerInside.Wait(Patience));

        var error = Assert.Throws<ServerBusyException>(() => gate.Read(_ => 1));
        Assert.Contains("server busy", error.Message);
        Assert.Throws<ServerBusyException>(() => gate.Write(tx => tx.Put(new Counter(EntityId.New(), 2))));

        releaseWriter.Set();
        await writer.WaitAsync(Patience);
        Assert.Equal(1, gate.Serial);
        Assert.Equal(2, gate.Metrics.Snapshot().BusyRefusals);
    }

    [Fact]
    public void An_overrun_is_rolled_back_and_retried_until_it_fits()
    {
        var clock = new ManualClock();
        using var gate = TestEntities.Gate(new GateOptions { Time = clock });
        var id = EntityId.New();
        var tries = 0;

        gate.Write(tx =>
        {
            tries++;
            tx.Put(new Counter(id, tries));
            if (tries < 3) clock.Advance(TimeSpan.FromMilliseconds(150)); // over the 100 ms budget
            tx.Put(new Creature(EntityId.New(), "only-once", tries));
        });

        Assert.Equal(3, tries);
        Assert.Equal(3, gate.Read(tx => tx.Get<Counter>(id).Value));
        Assert.Single(gate.Read(tx => tx.All<Creature>().ToList()));
        Assert.Equal(2, gate.Metrics.Snapshot().Retries);
    }

    [Fact]
    public void The_budget_is_checked_at_commit_too()
    {
        var clock = new ManualClock();
        using var gate = TestEntities.Gate(new GateOptions { Time = clock, Retry = new RetryPolicy(0, 0) });
        var error = Assert.Throws<TransactionFailedException>(() => gate.Write(tx =>
        {
            tx.Put(new Counter(EntityId.New(), 1));
            clock.Advance(TimeSpan.FromSeconds(1));
        }));
        Assert.IsType<BudgetExceededException>(error.InnerException);
        Assert.Equal(0, gate.Serial);
    }

    [Fact]
    public void Retries_are_bounded_then_requeued_with_a_doubled_budget_then_failed()
    {
        var clock = new ManualClock();
        using var gate = TestEntities.Gate(new GateOptions { Time = clock, Retry = new RetryPolicy(ImmediateRetries: 2, Requeues: 1) });
        var tries = 0;

        var error = Assert.Throws<TransactionFailedException>(() => gate.Write(tx =>
        {
            tries++;
            clock.Advance(TimeSpan.FromMilliseconds(500));
            tx.Put(new Counter(EntityId.New(), 1));
        }));

        Assert.Equal(6, tries); // (1 + 2 immediate) at 100 ms, then (1 + 2) at 200 ms
        Assert.Contains("200 ms", error.InnerException!.Message);
        Assert.Equal(0, gate.Serial);
        Assert.Equal(1, gate.Metrics.Snapshot().Failures);
    }

    [Fact]
    public void A_doubled_budget_lets_a_slow_task_through()
    {
        var clock = new ManualClock();
        using var gate = TestEntities.Gate(new GateOptions { Time = clock, Retry = new RetryPolicy(ImmediateRetries: 1, Requeues: 1) });
        var tries = 0;

        gate.Write(tx =>
        {
            tries++;
            clock.Advance(TimeSpan.FromMilliseconds(150));
            tx.Put(new Counter(EntityId.New(), 1));
        });

        Assert.Equal(3, tries);
        Assert.Equal(1, gate.Serial);
    }

    [Fact]
    public void Non_retryable_errors_fail_at_once_with_the_original_exception()
    {
        using var gate = TestEntities.Gate();
        var tries = 0;
        Assert.Throws<KeyNotFoundException>(() => gate.Write(tx =>
        {
            tries++;
            tx.Put(new Counter(EntityId.New(), 1));
            throw new KeyNotFoundException("no such creature");
        }));
        Assert.Equal(1, tries);
    }

    [Fact]
    public void Lock_wait_and_hold_times_are_measured()
    {
        using var gate = TestEntities.Gate();
        gate.Read(_ => 1);
        gate.Write(tx => tx.Put(new Counter(EntityId.New(), 1)));

        var stats = gate.Metrics.Snapshot();
        Assert.Equal(1, stats.Reads.Count);
        Assert.Equal(1, stats.Writes.Count);
        Assert.Equal(1, stats.Commits);
        Assert.True(stats.Writes.TotalHold > TimeSpan.Zero);
    }
}
