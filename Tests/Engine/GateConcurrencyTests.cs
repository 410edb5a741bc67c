using Ikosa.Engine.Model;

namespace Ikosa.Tests.Engine;

public class GateConcurrencyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Readers_really_overlap()
    {
        using var gate = TestEntities.Gate();
        using var bothInside = new Barrier(2);

        // Each reader waits inside the read lock for the other: this only completes if they overlap.
        var readers = Enumerable.Range(0, 2)
            .Select(_ => Task.Factory.StartNew(() => gate.Read(_ => bothInside.SignalAndWait(Patience)), TaskCreationOptions.LongRunning))
            .ToArray();

        var overlapped = await Task.WhenAll(readers).WaitAsync(Patience);
        Assert.All(overlapped, Assert.True);
    }

    [Fact]
    public async Task Writers_never_overlap_and_lose_no_update()
    {
        using var gate = TestEntities.Gate(new Ikosa.Engine.Gate.GateOptions { Budget = Timeout.InfiniteTimeSpan });
        var id = EntityId.New();
        gate.Write(tx => tx.Put(new Counter(id, 0)));
        var inside = 0;
        var maxInside = 0;
        using var start = new Barrier(4);

        var writers = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(Patience);
            for (var i = 0; i < 500; i++)
            {
                gate.Write(tx =>
                {
                    var now = Interlocked.Increment(ref inside);
                    InterlockedMax(ref maxInside, now);
                    var counter = tx.Get<Counter>(id);
                    Thread.SpinWait(20);
                    tx.Put(counter with { Value = counter.Value + 1 });
                    Interlocked.Decrement(ref inside);
                });
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, maxInside);
        Assert.Equal(2000, gate.Read(tx => tx.Get<Counter>(id).Value));
        Assert.Equal(2001, gate.Serial);
    }

    [Fact]
    public async Task A_reader_never_sees_a_half_made_change()
    {
        using var gate = TestEntities.Gate(new Ikosa.Engine.Gate.GateOptions { Budget = Timeout.InfiniteTimeSpan });
        var a = EntityId.Named("a");
        var b = EntityId.Named("b");
        gate.Write(tx =>
        {
            tx.Put(new Counter(a, 0));
            tx.Put(new Counter(b, 0));
        });
        var torn = 0;
        var reads = 0;
        using var writerDone = new CancellationTokenSource();
        // The writer starts once the reader has read once, and the reader reads until the writer is done: they overlap
        // however the threads are scheduled, and there is always a read to count.
        using var readerStarted = new ManualResetEventSlim();

        var writer = Task.Factory.StartNew(() =>
        {
            readerStarted.Wait(TimeSpan.FromSeconds(30));
            for (var i = 1; i <= 2000; i++)
            {
                var value = i;
                try
                {
                    gate.Write(tx =>
                    {
                        tx.Put(new Counter(a, value));
                        Thread.SpinWait(10);
                        tx.Put(new Counter(b, value));
                        if (value % 3 == 0) throw new InvalidOperationException("abandon this one half-way");
                    });
                }
                catch (InvalidOperationException)
                {
                }
            }
            writerDone.Cancel();
        }, TaskCreationOptions.LongRunning);
        var reader = Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < 1_000_000 && !writerDone.IsCancellationRequested; i++)
            {
                var (va, vb) = gate.Read(tx => (tx.Get<Counter>(a).Value, tx.Get<Counter>(b).Value));
                if (va != vb || va % 3 == 0 && va != 0) Interlocked.Increment(ref torn);
                reads++;
                readerStarted.Set();
            }
        }, TaskCreationOptions.LongRunning);

        await Task.WhenAll(writer, reader).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, torn);
        Assert.True(reads > 0);
        Assert.Equal(2000, gate.Read(tx => tx.Get<Counter>(a).Value));
        Assert.Equal(1 + 2000 - 2000 / 3, gate.Serial);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
