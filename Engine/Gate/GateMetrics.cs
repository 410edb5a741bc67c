namespace Ikosa.Engine.Gate;

/// <summary>
/// Lock wait and hold times and outcome counts. Each thread counts into its own slot, so that
/// measuring costs the hot read path no shared cache-line traffic; a snapshot sums the slots.
/// Waits are timed only when the lock was not free at once; read hold times are sampled one in
/// <see cref="ModeCounters.HoldSampling"/> (the total is scaled up, the maximum is of the samples).
/// </summary>
public sealed class GateMetrics
{
    private readonly ThreadLocal<Counters> _perThread = new(() => new Counters(), trackAllValues: true);

    internal Counters Mine => _perThread.Value!;

    public GateStatistics Snapshot()
    {
        var all = _perThread.Values;
        return new GateStatistics(
            Times(all, c => c.Read, holdScale: ModeCounters.HoldSampling),
            Times(all, c => c.Write, holdScale: 1),
            all.Sum(c => c.Commits),
            all.Sum(c => c.Rollbacks),
            all.Sum(c => c.Upgrades),
            all.Sum(c => c.Retries),
            all.Sum(c => c.Failures),
            all.Sum(c => c.Busy));
    }

    private static LockTimes Times(IList<Counters> all, Func<Counters, ModeCounters> mode, int holdScale) => new(
        all.Sum(c => mode(c).Count),
        LockTimes.FromTicks(all.Sum(c => mode(c).WaitTicks)),
        LockTimes.FromTicks(all.Select(c => mode(c).MaxWaitTicks).DefaultIfEmpty().Max()),
        LockTimes.FromTicks(all.Sum(c => mode(c).HoldTicks) * holdScale),
        LockTimes.FromTicks(all.Select(c => mode(c).MaxHoldTicks).DefaultIfEmpty().Max()));

    internal sealed class Counters
    {
        public readonly ModeCounters Read = new();
        public readonly ModeCounters Write = new();
        public long Commits, Rollbacks, Upgrades, Retries, Failures, Busy;
    }

    internal sealed class ModeCounters
    {
        /// <summary>Reads time their hold once in this many, and scale the total up accordingly.</summary>
        public const int HoldSampling = 16;

        public long Count, WaitTicks, MaxWaitTicks, HoldTicks, MaxHoldTicks;

        public bool ShouldSampleHold() => Count % HoldSampling == 0;

        /// <param name="holdTicks">the measured hold, or -1 when this one was not sampled</param>
        public void Record(long waitTicks, long holdTicks)
        {
            Count++;
            WaitTicks += waitTicks;
            if (waitTicks > MaxWaitTicks) MaxWaitTicks = waitTicks;
            if (holdTicks < 0) return;
            HoldTicks += holdTicks;
            if (holdTicks > MaxHoldTicks) MaxHoldTicks = holdTicks;
        }
    }
}
