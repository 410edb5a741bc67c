namespace Ikosa.Tests.Engine;

/// <summary>A clock that moves only when a test says so, so that budgets and delays need no sleeping.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks;
    private DateTimeOffset _now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow()
    {
        lock (this) return _now;
    }

    public void Advance(TimeSpan by)
    {
        Interlocked.Add(ref _ticks, by.Ticks);
        lock (this) _now += by;
    }
}
