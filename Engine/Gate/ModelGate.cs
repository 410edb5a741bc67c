using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;
using Ikosa.Engine.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Engine.Gate;

/// <summary>
/// The only way into the game model. <see cref="Read"/> lets many tasks read at once; <see cref="Write"/>
/// lets one task at a time change the model inside a transaction that commits whole (durable in the
/// store before the lock is released) or not at all. Commit listeners (notifications, scheduled tasks)
/// hear of each commit after the lock is released, in serial order. The lock is one
/// <see cref="ReaderWriterLockSlim"/> without recursion: a task may not enter the gate from inside it.
/// </summary>
public sealed class ModelGate : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly GameModel _model;
    private readonly IModelStore _store;
    private readonly GateOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<CommittedTransaction> _unreleased = new();
    private readonly ConcurrentQueue<StoreStatusChange> _healthChanges = new();
    private readonly Lock _releaseLock = new();
    private volatile ICommitListener[] _listeners = [];

    /// <summary>Loads the last committed state from <paramref name="store"/> and opens the gate on it.</summary>
    public ModelGate(EntityTypeRegistry types, IModelStore store, GateOptions? options = null, ILogger<ModelGate>? logger = null)
    {
        _store = store;
        _options = options ?? new GateOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        StoreHealth = new StoreHealth(_options, _logger);
        _model = new GameModel(types);
        var state = store.Load();
        _model.Reset(state.Serial, state.Entities);
    }

    public GateOptions Options => _options;

    public EntityTypeRegistry Types => _model.Types;

    /// <summary>The serial of the last commit.</summary>
    public long Serial => _model.Serial;

    public GateMetrics Metrics { get; } = new();

    /// <summary>Whether commits can be made durable now, and what is wrong if not.</summary>
    public StoreHealth StoreHealth { get; }

    public void AddListener(ICommitListener listener)
    {
        lock (_releaseLock) _listeners = [.. _listeners, listener];
    }

    /// <summary>Runs <paramref name="work"/> under the read lock; if it tries to change anything it is re-run as a write.</summary>
    public T Read<T>(Func<Transaction, T> work) => Execute(work, TransactionMode.Read);

    public void Read(Action<Transaction> work) => Execute(AsFunc(work), TransactionMode.Read);

    /// <summary>Runs <paramref name="work"/> as a write transaction, retried by the policy if aborted.</summary>
    /// <exception cref="ServerBusyException">the lock was not free within the timeout</exception>
    /// <exception cref="TransactionFailedException">the retry policy gave up</exception>
    /// <exception cref="StoreFailedException">
    /// the commit could not be made durable and was rolled back; or, while the store is failing and not due for
    /// another try, the task was refused without running (<see cref="StoreFailedException.Problem"/> says why)
    /// </exception>
    public T Write<T>(Func<Transaction, T> work) => Execute(work, TransactionMode.Write);

    public void Write(Action<Transaction> work) => Execute(AsFunc(work), TransactionMode.Write);

    /// <summary>
    /// One try of a task, without retries: the task service applies the retry policy itself so that
    /// a re-queue goes to the back of the task's queue.
    /// </summary>
    internal T RunOnce<T>(Func<Transaction, T> work, TransactionMode mode, TimeSpan budget)
    {
        EnsureNotInside();
        return mode == TransactionMode.Read ? RunRead(work, budget) : RunWrite(work, budget);
    }

    internal void CountRetry(bool failed)
    {
        if (failed) Metrics.Mine.Failures++;
        else Metrics.Mine.Retries++;
    }

    internal void CountUpgrade() => Metrics.Mine.Upgrades++;

    private T Execute<T>(Func<Transaction, T> work, TransactionMode mode)
    {
        ArgumentNullException.ThrowIfNull(work);
        EnsureNotInside();
        var retries = new TaskRetries(this);
        while (true)
        {
            retries.StartTry();
            try
            {
                return mode == TransactionMode.Read ? RunRead(work, retries.Budget) : RunWrite(work, retries.Budget);
            }
            catch (WriteRequiredException) when (mode == TransactionMode.Read)
            {
                CountUpgrade();
                mode = TransactionMode.Write;
            }
            catch (TransactionAbortedException aborted)
            {
                switch (retries.OnAborted(aborted))
                {
                    case RetryDecision.RetryNow:
                        break;
                    case RetryDecision.Requeue:
                        // A direct caller has no queue to go back to: let others at the lock first.
                        Thread.Yield();
                        break;
                    default:
                        throw retries.Failure(aborted);
                }
            }
        }
    }

    /// <summary>
    /// A read run at once when the read lock is free now: true with its result; false, having run nothing, when a writer
    /// holds or waits for the lock. Never waits.
    /// </summary>
    internal bool TryReadNow<T>(Func<Transaction, T> work, TimeSpan budget, out T result)
    {
        EnsureNotInside();
        if (!_lock.TryEnterReadLock(0))
        {
            result = default!;
            return false;
        }
        result = ReadEntered(work, budget, 0);
        return true;
    }

    private T RunRead<T>(Func<Transaction, T> work, TimeSpan budget)
    {
        long waitTicks = 0;
        // Uncontended entry is the common case: it needs no clock reading at all.
        if (!_lock.TryEnterReadLock(0))
        {
            var waitStart = Stopwatch.GetTimestamp();
            if (!_lock.TryEnterReadLock(_options.LockTimeout)) throw Busy("read");
            waitTicks = Stopwatch.GetTimestamp() - waitStart;
        }
        return ReadEntered(work, budget, waitTicks);
    }

    /// <summary>Runs a read whose lock is held; the lock is released however it ends.</summary>
    private T ReadEntered<T>(Func<Transaction, T> work, TimeSpan budget, long waitTicks)
    {
        var counters = Metrics.Mine;
        // A clock reading costs as much as a small read, so the hold time of reads is sampled.
        var timed = counters.Read.ShouldSampleHold();
        var entered = timed ? Stopwatch.GetTimestamp() : 0;
        var tx = new Transaction(_model, TransactionMode.Read, budget, _options.Time);
        var completed = false;
        try
        {
            T result;
            try
            {
                result = work(tx);
            }
            catch (Exception) when (tx.WriteRequired)
            {
                throw new WriteRequiredException();
            }
            // The task may have swallowed the abort; it is re-run as a write all the same.
            if (tx.WriteRequired) throw new WriteRequiredException();
            completed = true;
            return result;
        }
        finally
        {
            // A read that did not complete is abandoned: what it did outside the model is undone (it changed nothing in it).
            if (completed) tx.End();
            else tx.Rollback();
            _lock.ExitReadLock();
            counters.Read.Record(waitTicks, timed ? Stopwatch.GetTimestamp() - entered : -1);
        }
    }

    private T RunWrite<T>(Func<Transaction, T> work, TimeSpan budget)
    {
        var outcome = RunWrites([new GroupedWrite(tx => work(tx), budget)])[0];
        if (outcome.Error is { } error) ExceptionDispatchInfo.Throw(error);
        return (T)outcome.Result!;
    }

    /// <summary>
    /// Group commit: runs several write tasks in one hold of the write lock, each as its own transaction
    /// (its own serial; a failure rolls back only that one), then makes them all durable with one store
    /// commit (one sync) before the lock is released. Outcomes are in the order of <paramref name="writes"/>.
    /// </summary>
    /// <exception cref="ServerBusyException">the lock was not free within the timeout (nothing ran)</exception>
    internal IReadOnlyList<WriteOutcome> RunWriteGroup(IReadOnlyList<GroupedWrite> writes)
    {
        EnsureNotInside();
        return RunWrites(writes);
    }

    private WriteOutcome[] RunWrites(IReadOnlyList<GroupedWrite> writes)
    {
        var waitStart = Stopwatch.GetTimestamp();
        if (!_lock.TryEnterWriteLock(_options.LockTimeout)) throw Busy("write");
        var entered = Stopwatch.GetTimestamp();
        var outcomes = new WriteOutcome[writes.Count];
        var applied = new List<(Transaction Tx, CommittedTransaction Commit, int Index)>();
        var serialBefore = _model.Serial;
        try
        {
            if (StoreHealth.RefuseUntried(writes.Count) is { } problem)
            {
                // The store failed lately and is not due for another try: nothing runs, nothing changes.
                for (var i = 0; i < writes.Count; i++) outcomes[i] = new WriteOutcome(null, new StoreFailedException(problem));
                return outcomes;
            }
            for (var i = 0; i < writes.Count; i++)
            {
                var tx = new Transaction(_model, TransactionMode.Write, writes[i].Budget, _options.Time);
                try
                {
                    var result = writes[i].Work(tx);
                    tx.CheckBudget();
                    var commit = tx.Complete(_model.Serial + 1);
                    if (commit.Changes.Count > 0 || commit.Notifications.Count > 0)
                    {
                        _model.Serial = commit.Serial;
                        applied.Add((tx, commit, i));
                    }
                    else
                    {
                        tx.End(); // changed nothing: no commit
                    }
                    outcomes[i] = new WriteOutcome(result, null);
                }
                catch (Exception e)
                {
                    tx.Rollback();
                    Metrics.Mine.Rollbacks++;
                    outcomes[i] = new WriteOutcome(null, e);
                }
            }
            if (applied.Count > 0) MakeDurable(applied, outcomes, serialBefore);
        }
        finally
        {
            _lock.ExitWriteLock();
            Metrics.Mine.Write.Record(entered - waitStart, Stopwatch.GetTimestamp() - entered);
        }
        ReleaseCommits();
        return outcomes;
    }

    private void MakeDurable(List<(Transaction Tx, CommittedTransaction Commit, int Index)> applied, WriteOutcome[] outcomes, long serialBefore)
    {
        try
        {
            _store.Commit(applied.Select(a => a.Commit).ToList());
        }
        catch (Exception e)
        {
            var problem = (e as StoreFailedException)?.Problem;
            if (problem is null)
                _logger.LogError(e, "commits {First}..{Last} could not be made durable; rolled back", applied[0].Commit.Serial, applied[^1].Commit.Serial);
            else if (StoreHealth.Failed(problem, applied.Count) is { } change)
                _healthChanges.Enqueue(change); // the store's trouble is logged there, once, without a stack trace
            // Undo newest first, so each transaction's before-images are restored onto the state they were taken from.
            for (var i = applied.Count - 1; i >= 0; i--)
            {
                applied[i].Tx.Rollback();
                Metrics.Mine.Rollbacks++;
                outcomes[applied[i].Index] = new WriteOutcome(null, new StoreFailedException(
                    $"commit {applied[i].Commit.Serial} could not be made durable and was rolled back: {e.Message}", problem, e));
            }
            _model.Serial = serialBefore;
            return;
        }
        if (StoreHealth.Saved() is { } recovered) _healthChanges.Enqueue(recovered);
        foreach (var (tx, commit, _) in applied)
        {
            tx.End();
            _unreleased.Enqueue(commit);
            Metrics.Mine.Commits++;
        }
    }

    /// <summary>
    /// Announces changes of the store's health, then hands committed transactions to the listeners in serial order.
    /// Both are queued under the write lock, so queue order is commit order; whichever thread gets here first
    /// delivers them all.
    /// </summary>
    private void ReleaseCommits()
    {
        lock (_releaseLock)
        {
            while (_healthChanges.TryDequeue(out var change)) StoreHealth.Announce(change);
            while (_unreleased.TryDequeue(out var commit))
            {
                foreach (var listener in _listeners)
                {
                    try
                    {
                        listener.OnCommitted(commit);
                    }
                    catch (Exception e)
                    {
                        _logger.LogError(e, "commit listener {Listener} failed on commit {Serial}", listener.GetType().Name, commit.Serial);
                    }
                }
            }
        }
    }

    private ServerBusyException Busy(string access)
    {
        Metrics.Mine.Busy++;
        _logger.LogWarning("server busy: no {Access} access to the model within {Timeout}", access, _options.LockTimeout);
        return new ServerBusyException(access, _options.LockTimeout);
    }

    private void EnsureNotInside()
    {
        if (_lock.IsReadLockHeld || _lock.IsWriteLockHeld)
            throw new InvalidOperationException("a task may not enter the model gate from inside the gate (no nested Read/Write)");
    }

    private static Func<Transaction, bool> AsFunc(Action<Transaction> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return tx =>
        {
            work(tx);
            return true;
        };
    }

    public void Dispose() => _lock.Dispose();
}
