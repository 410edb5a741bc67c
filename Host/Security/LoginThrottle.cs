using System.Collections.Concurrent;

namespace Ikosa.Host.Security;

/// <summary>
/// Slows password guessing: after a few failures for a user name, further attempts are refused until a delay passes,
/// and the delay doubles with each further failure. A success clears the record.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, int freeFailures = 3, TimeSpan? firstDelay = null, TimeSpan? maxDelay = null)
{
    private readonly ConcurrentDictionary<string, Record> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeSpan _firstDelay = firstDelay ?? TimeSpan.FromSeconds(2);
    private readonly TimeSpan _maxDelay = maxDelay ?? TimeSpan.FromMinutes(5);

    /// <summary>Null when the user may try now; otherwise how long until the next attempt is allowed.</summary>
    public TimeSpan? RetryAfter(string userName)
    {
        if (!_records.TryGetValue(userName, out var record))
            return null;
        var wait = record.BlockedUntil - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string userName) => _records.AddOrUpdate(userName,
        _ => Next(new Record(0, DateTimeOffset.MinValue)),
        (_, record) => Next(record));

    public void Succeeded(string userName) => _records.TryRemove(userName, out _);

    private Record Next(Record record)
    {
        var failures = record.Failures + 1;
        if (failures <= freeFailures)
            return new Record(failures, DateTimeOffset.MinValue);
        var doublings = Math.Min(failures - freeFailures - 1, 20);
        var delay = TimeSpan.FromTicks(Math.Min(_maxDelay.Ticks, _firstDelay.Ticks << doublings));
        return new Record(failures, clock.GetUtcNow() + delay);
    }

    private sealed record Record(int Failures, DateTimeOffset BlockedUntil);
}
