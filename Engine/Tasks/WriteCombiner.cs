using System.Collections.Concurrent;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Transactions;

namespace Ikosa.Engine.Tasks;

/// <summary>
/// Group commit for queued write tasks: writes submitted while a group is being made durable wait
/// here, and the next group runs them all in one hold of the write lock with one sync. Each write is
/// still its own transaction, durable before the lock is released and before anyone is notified;
/// grouping only shares the cost of the sync among writes from different queues.
/// </summary>
internal sealed class WriteCombiner(ModelGate gate, int maxGroup = 256)
{
    private readonly ConcurrentQueue<Entry> _pending = new();
    private int _running;

    /// <summary>Writes waiting for the next group.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Runs one try of <paramref name="work"/> in the next group; faults with whatever aborted it.</summary>
    public Task<object?> Run(Func<Transaction, object?> work, TimeSpan budget)
    {
        var entry = new Entry(new GroupedWrite(work, budget));
        _pending.Enqueue(entry);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static c => c.Drain(), this, preferLocal: false);
        return entry.Completion.Task;
    }

    private void Drain()
    {
        while (true)
        {
            var group = new List<Entry>();
            while (group.Count < maxGroup && _pending.TryDequeue(out var entry)) group.Add(entry);
            if (group.Count == 0)
            {
                Volatile.Write(ref _running, 0);
                // An entry queued after the last dequeue but before the flag was cleared is picked up here.
                if (_pending.IsEmpty || Interlocked.CompareExchange(ref _running, 1, 0) != 0) return;
                continue;
            }
            RunGroup(group);
        }
    }

    private void RunGroup(List<Entry> group)
    {
        IReadOnlyList<WriteOutcome> outcomes;
        try
        {
            outcomes = gate.RunWriteGroup(group.Select(e => e.Write).ToList());
        }
        catch (Exception e)
        {
            foreach (var entry in group) entry.Completion.TrySetException(e);
            return;
        }
        for (var i = 0; i < group.Count; i++)
        {
            if (outcomes[i].Error is { } error) group[i].Completion.TrySetException(error);
            else group[i].Completion.TrySetResult(outcomes[i].Result);
        }
    }

    private sealed record Entry(GroupedWrite Write)
    {
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
