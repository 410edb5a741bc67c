using Ikosa.Engine.Model;

namespace Ikosa.Engine.Tasks;

/// <summary>
/// The armed scheduled tasks ordered by due time. Re-arming a task replaces its due time; the old
/// heap entry is skipped when it surfaces, because it no longer matches.
/// </summary>
internal sealed class DueTasks
{
    private readonly PriorityQueue<(EntityId Id, DateTimeOffset DueAt), DateTimeOffset> _heap = new();
    private readonly Dictionary<EntityId, DateTimeOffset> _armed = new();

    public int Count
    {
        get
        {
            lock (_heap) return _armed.Count;
        }
    }

    /// <summary>Arms (or re-arms) a task; true if it is now the earliest, so the timer must be woken.</summary>
    public bool Arm(EntityId id, DateTimeOffset dueAt)
    {
        lock (_heap)
        {
            if (_armed.TryGetValue(id, out var current) && current == dueAt) return false;
            _armed[id] = dueAt;
            _heap.Enqueue((id, dueAt), dueAt);
            return Earliest() == dueAt;
        }
    }

    /// <summary>Arms a task unless it is armed already (a commit re-armed it meanwhile, which then wins).</summary>
    public bool ArmIfDisarmed(EntityId id, DateTimeOffset dueAt)
    {
        lock (_heap)
        {
            return !_armed.ContainsKey(id) && Arm(id, dueAt);
        }
    }

    public void Disarm(EntityId id)
    {
        lock (_heap) _armed.Remove(id);
    }

    /// <summary>The earliest due time, or null when nothing is armed.</summary>
    public DateTimeOffset? NextDueAt()
    {
        lock (_heap) return Earliest();
    }

    /// <summary>Takes (disarms) every task due at or before <paramref name="now"/>, earliest first.</summary>
    public IReadOnlyList<EntityId> TakeDue(DateTimeOffset now)
    {
        var due = new List<EntityId>();
        lock (_heap)
        {
            while (Earliest() is { } at && at <= now)
            {
                var (id, _) = _heap.Dequeue();
                _armed.Remove(id);
                due.Add(id);
            }
        }
        return due;
    }

    private DateTimeOffset? Earliest()
    {
        while (_heap.TryPeek(out var entry, out _))
        {
            if (_armed.TryGetValue(entry.Id, out var dueAt) && dueAt == entry.DueAt) return dueAt;
            _heap.Dequeue(); // stale: re-armed or disarmed since
        }
        return null;
    }
}
