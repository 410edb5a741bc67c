namespace Ikosa.Client.App.Session;

public enum LogKind
{
    Event,
    Dice,
    Prompt,
    Chat,
    System,
    Command,
}

public sealed record LogEntry(long Sequence, LogKind Kind, string Text);

/// <summary>What happened, newest last: the batches as readable lines, and the commands typed with their results. Bounded.</summary>
public sealed class EventLog
{
    private const int Capacity = 1000;
    private readonly object _gate = new();
    private readonly LinkedList<LogEntry> _entries = new();
    private long _sequence;

    public void Add(LogKind kind, string text)
    {
        lock (_gate)
        {
            _entries.AddLast(new LogEntry(++_sequence, kind, text));
            if (_entries.Count > Capacity)
                _entries.RemoveFirst();
        }
    }

    /// <summary>The sequence number of the newest entry: pass it to <see cref="After"/> later to get only what came since.</summary>
    public long Mark
    {
        get { lock (_gate) return _sequence; }
    }

    public IReadOnlyList<LogEntry> After(long mark)
    {
        lock (_gate)
            return _entries.Where(e => e.Sequence > mark).ToList();
    }

    public IReadOnlyList<LogEntry> Last(int count, Func<LogEntry, bool>? filter = null)
    {
        lock (_gate)
        {
            var chosen = filter is null ? _entries.ToList() : _entries.Where(filter).ToList();
            return chosen.Skip(Math.Max(0, chosen.Count - count)).ToList();
        }
    }
}
