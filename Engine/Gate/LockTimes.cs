using System.Diagnostics;

namespace Ikosa.Engine.Gate;

/// <summary>Count, total and maximum of the lock wait and hold times of one access mode.</summary>
public sealed record LockTimes(long Count, TimeSpan TotalWait, TimeSpan MaxWait, TimeSpan TotalHold, TimeSpan MaxHold)
{
    public TimeSpan AverageWait => Count == 0 ? TimeSpan.Zero : TotalWait / Count;

    public TimeSpan AverageHold => Count == 0 ? TimeSpan.Zero : TotalHold / Count;

    internal static TimeSpan FromTicks(long stopwatchTicks) => Stopwatch.GetElapsedTime(0, stopwatchTicks);
}
