using Ikosa.Engine.Store;
using Microsoft.Extensions.Logging;

namespace Ikosa.Engine.Gate;

/// <summary>Whether the game can be saved, as the gate last found it.</summary>
/// <param name="Problem">why not; null while saving works</param>
/// <param name="Since">when saving stopped</param>
/// <param name="RefusedWrites">writes refused since then: tried and failed, or refused untried while waiting to try again</param>
/// <param name="NextTryAt">when the store will be tried again</param>
public sealed record StoreStatus(StoreProblem? Problem, DateTimeOffset? Since, long RefusedWrites, DateTimeOffset? NextTryAt)
{
    public static readonly StoreStatus Saving = new(null, null, 0, null);

    public bool CanSave => Problem is null;
}

/// <summary>Saving stopped (<see cref="Current"/> has a problem and <see cref="Previous"/> none), its cause changed, or it works again.</summary>
public sealed record StoreStatusChange(StoreStatus Previous, StoreStatus Current);

/// <summary>
/// The gate's view of the store. After a commit the store could not make durable, the store is tried again only
/// after a back-off (doubling up to a ceiling); writes in between are refused at once, untried, so a broken disk meets
/// one attempt per interval, not one per write. The cause is logged once, then only counted; <see cref="Changed"/>
/// says when saving stops, when its cause changes, and when it works again.
/// </summary>
public sealed class StoreHealth
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private readonly GateOptions _options;
    private readonly ILogger _logger;
    private volatile bool _failing; // lets the healthy path skip the lock
    private StoreStatus _status = StoreStatus.Saving;
    private TimeSpan _delay;
    private DateTimeOffset _lastReport;

    internal StoreHealth(GateOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
    }

    public StoreStatus Status
    {
        get
        {
            lock (_lock) return _status;
        }
    }

    public bool CanSave => !_failing;

    /// <summary>
    /// Raised after the write lock is released, one change at a time and in order: when saving stops, when the cause
    /// changes, and when saving works again. Handlers must return quickly; exceptions are logged and ignored.
    /// </summary>
    public event Action<StoreStatusChange>? Changed;

    /// <summary>If the store failed lately and is not due for another try: the problem to refuse <paramref name="writes"/> writes with, untried.</summary>
    internal StoreProblem? RefuseUntried(int writes)
    {
        if (!_failing) return null;
        lock (_lock)
        {
            if (_status.Problem is not { } problem || _options.Time.GetUtcNow() >= _status.NextTryAt) return null;
            _status = _status with { RefusedWrites = _status.RefusedWrites + writes };
            return problem;
        }
    }

    /// <summary>A try failed for <paramref name="writes"/> writes; returns the change to announce, if any.</summary>
    internal StoreStatusChange? Failed(StoreProblem problem, int writes)
    {
        lock (_lock)
        {
            var now = _options.Time.GetUtcNow();
            var before = _status;
            _delay = before.CanSave ? _options.StoreRetryDelay : Min(_delay * 2, _options.StoreRetryMaxDelay);
            _status = new StoreStatus(problem, before.Since ?? now, before.RefusedWrites + writes, now + _delay);
            _failing = true;
            if (before.Problem?.Kind == problem.Kind)
            {
                ReportStillFailing(now);
                return null;
            }
            _logger.LogError("The game cannot be saved: {Problem}. {Advice} Until then writes are refused (the store is tried again now and then) and the game can still be looked at.",
                problem.Explain(), problem.Advice);
            _lastReport = now;
            return new StoreStatusChange(before, _status);
        }
    }

    /// <summary>A commit was made durable; returns the change to announce if saving had stopped.</summary>
    internal StoreStatusChange? Saved()
    {
        if (!_failing) return null;
        lock (_lock)
        {
            var before = _status;
            _status = StoreStatus.Saving;
            _failing = false;
            _logger.LogInformation("Saving works again after {Downtime}; {Refused} writes were refused meanwhile",
                _options.Time.GetUtcNow() - before.Since, before.RefusedWrites);
            return new StoreStatusChange(before, _status);
        }
    }

    internal void Announce(StoreStatusChange change)
    {
        try
        {
            Changed?.Invoke(change);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "a listener to the store's health failed");
        }
    }

    private void ReportStillFailing(DateTimeOffset now)
    {
        if (now - _lastReport < ReportEvery) return;
        _lastReport = now;
        _logger.LogWarning("Still cannot save ({Summary}): {Refused} writes refused since {Since:u}; next try at {NextTry:u}",
            _status.Problem!.Summary, _status.RefusedWrites, _status.Since, _status.NextTryAt);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
