using System.Collections.Concurrent;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;
using Ikosa.Engine.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Engine.Tasks;

/// <summary>
/// Runs tasks through the gate. Requests are submitted to a named queue (one per client session):
/// one queue's tasks run in arrival order, different queues in parallel (reads truly concurrently;
/// writes from different queues that arrive together share one group commit and one sync).
/// Scheduled tasks (<see cref="ScheduledTask"/> entities) are armed when the transaction that
/// scheduled them commits, and when <see cref="Start"/> finds them in the loaded model, so delayed and
/// periodic tasks survive a restart; each runs in its own write transaction when due.
/// </summary>
public sealed class TaskService : ICommitListener, IAsyncDisposable
{
    /// <summary>The queue scheduled tasks run on.</summary>
    public const string SchedulerQueue = "ikosa.scheduler";

    private readonly ModelGate _gate;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, SerialQueue> _queues = new(StringComparer.Ordinal);
    private readonly DueTasks _due = new();
    private readonly List<Task> _running = new();
    private readonly WriteCombiner _writes;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _timerLoop;

    public TaskService(ModelGate gate, ILogger<TaskService>? logger = null)
    {
        _gate = gate;
        _time = gate.Options.Time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _writes = new WriteCombiner(gate);
        gate.AddListener(this);
    }

    /// <summary>Write tasks waiting for the next group commit.</summary>
    internal int PendingWrites => _writes.PendingCount;

    /// <summary>How many scheduled tasks are armed.</summary>
    public int ScheduledCount => _due.Count;

    /// <summary>
    /// Queues a task on <paramref name="queue"/> (e.g. a session id). <paramref name="intent"/> Read
    /// runs it under the read lock (re-run as a write if it changes anything).
    /// </summary>
    public Task<T> Submit<T>(string queue, TransactionMode intent, Func<Transaction, T> work) => Submit(queue, intent, work, runNowIfFree: false);

    /// <summary>
    /// As <see cref="Submit{T}(string, TransactionMode, Func{Transaction, T})"/>; with <paramref name="runNowIfFree"/>, a
    /// read runs at once on the calling thread when its queue is idle and the gate is free (it never waits there: else it
    /// is queued). For requests whose reads are short and wait for nothing but the gate.
    /// </summary>
    public Task<T> Submit<T>(string queue, TransactionMode intent, Func<Transaction, T> work, bool runNowIfFree)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        var item = new GateWorkItem<T>(_gate, _writes, intent, work);
        var serial = _queues.GetOrAdd(queue, _ => new SerialQueue());
        if (runNowIfFree && intent == TransactionMode.Read)
            serial.RunNowOrEnqueue(item);
        else
            serial.Enqueue(item);
        return item.Completion;
    }

    public Task Submit(string queue, TransactionMode intent, Action<Transaction> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Submit(queue, intent, tx =>
        {
            work(tx);
            return true;
        });
    }

    /// <summary>Arms the scheduled tasks of the loaded model (overdue ones run at once) and starts the timer.</summary>
    public void Start()
    {
        foreach (var task in _gate.Read(tx => tx.All<ScheduledTask>().ToList())) _due.Arm(task.Id, task.DueAt);
        _timerLoop ??= Task.Run(TimerLoopAsync);
        _wake.Release();
    }

    /// <summary>
    /// Runs every scheduled task that is due now; completes when they have run, including any the timer took first
    /// (so a caller never sees a due task half run). The timer calls this too.
    /// </summary>
    public Task RunDueAsync()
    {
        lock (_running)
        {
            _running.RemoveAll(run => run.IsCompleted);
            foreach (var id in _due.TakeDue(_time.GetUtcNow()))
                _running.Add(RunScheduled(id));
            return Task.WhenAll(_running.ToList());
        }
    }

    public void OnCommitted(CommittedTransaction commit)
    {
        var wake = false;
        foreach (var change in commit.Changes)
        {
            if (change.After is ScheduledTask task) wake |= _due.Arm(task.Id, task.DueAt);
            else _due.Disarm(change.Id);
        }
        if (wake) _wake.Release();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        if (_timerLoop is not null)
        {
            try
            {
                await _timerLoop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
        _stopping.Dispose();
    }

    private async Task TimerLoopAsync()
    {
        var stop = _stopping.Token;
        while (!stop.IsCancellationRequested)
        {
            var next = _due.NextDueAt();
            var wait = next is { } at ? at - _time.GetUtcNow() : TimeSpan.FromMinutes(1);
            if (wait <= TimeSpan.Zero)
            {
                try
                {
                    await RunDueAsync().ConfigureAwait(false);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                continue;
            }
            var capped = wait > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : wait;
            try
            {
                await _wake.WaitAsync(capped, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunScheduled(EntityId id)
    {
        try
        {
            await Submit(SchedulerQueue, TransactionMode.Write, tx => RunIfDue(tx, id)).ConfigureAwait(false);
        }
        catch (StoreFailedException e) when (e.Problem is not null)
        {
            WaitForStore(id);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "scheduled task {TaskId} failed; it is dropped (one-shot) or skips this period (periodic)", id);
            try
            {
                await Submit(SchedulerQueue, TransactionMode.Write, tx => AfterFailure(tx, id)).ConfigureAwait(false);
            }
            catch (StoreFailedException again) when (again.Problem is not null)
            {
                WaitForStore(id);
            }
            catch (Exception again)
            {
                // Still armed in the store: it is retried after the next restart at the latest.
                _logger.LogError(again, "scheduled task {TaskId} could not be retired after its failure", id);
            }
        }
    }

    /// <summary>
    /// The store cannot save, so the task's run was rolled back (the gate has logged why). It stays due, and is armed
    /// again for when the gate next tries the store, so a broken disk sees no storm of retries from the timer.
    /// </summary>
    private void WaitForStore(EntityId id)
    {
        var now = _time.GetUtcNow();
        var retryAt = _gate.StoreHealth.Status.NextTryAt is { } next && next > now ? next : now + _gate.Options.StoreRetryDelay;
        _logger.LogDebug("scheduled task {TaskId} waits for the store until {RetryAt:u}", id, retryAt);
        if (_due.ArmIfDisarmed(id, retryAt)) _wake.Release();
    }

    private static void RunIfDue(Transaction tx, EntityId id)
    {
        var task = tx.Find<ScheduledTask>(id);
        if (task is null || task.DueAt > tx.Now) return; // cancelled or moved since it was armed
        task.Run(tx);
        var after = tx.Find<ScheduledTask>(id);
        if (after is null || after.DueAt != task.DueAt) return; // the task removed or rescheduled itself
        Reschedule(tx, after);
    }

    private static void AfterFailure(Transaction tx, EntityId id)
    {
        if (tx.Find<ScheduledTask>(id) is { } task && task.DueAt <= tx.Now) Reschedule(tx, task);
    }

    private static void Reschedule(Transaction tx, ScheduledTask task)
    {
        if (task.Period is not { } period)
        {
            tx.Remove(task.Id);
            return;
        }
        // Skip the periods missed while the host was down or busy, rather than running them in a burst.
        var next = task.DueAt + period;
        if (next <= tx.Now) next += period * (Math.Floor((tx.Now - next) / period) + 1);
        tx.Put(task with { DueAt = next });
    }
}
