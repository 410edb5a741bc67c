using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Tasks;

namespace Ikosa.Engine.Transactions;

/// <summary>
/// One task's view of the model inside the gate. A write transaction records the first version of
/// every entity it touches so that <see cref="Rollback"/> can restore them all; its notifications wait
/// in an outbox until commit. A read transaction that tries to change anything is marked
/// <see cref="WriteRequired"/> and aborted, and the gate re-runs the task as a write.
/// A transaction belongs to one thread and ends when the gate's Read or Write call returns.
/// </summary>
public sealed class Transaction : IModelReader
{
    private readonly GameModel _model;
    private readonly TimeProvider _time;
    private readonly TimeSpan _budget;
    private readonly bool _onSystemClock;
    private readonly long _deadline;
    private Outbox? _outbox;
    private Dictionary<EntityId, Entity?>? _before;
    private List<Action>? _undoOutside;
    private bool _ended;

    internal Transaction(GameModel model, TransactionMode mode, TimeSpan budget, TimeProvider time)
    {
        _model = model;
        _time = time;
        _budget = budget;
        Mode = mode;
        // On the real clock, budgets use the millisecond tick count: budgets are tens of milliseconds,
        // and a high-resolution timestamp costs more than a whole small read on some machines.
        _onSystemClock = time == TimeProvider.System;
        _deadline = budget == Timeout.InfiniteTimeSpan ? long.MaxValue
            : _onSystemClock ? Environment.TickCount64 + (long)Math.Ceiling(budget.TotalMilliseconds)
            : time.GetTimestamp() + (long)(budget.TotalSeconds * time.TimestampFrequency);
    }

    public TransactionMode Mode { get; }

    public bool IsWrite => Mode == TransactionMode.Write;

    /// <summary>Set when a read transaction attempted a change; the gate then re-runs the task as a write.</summary>
    public bool WriteRequired { get; private set; }

    public long Serial => _model.Serial;

    /// <summary>The host's wall clock (from the gate's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    public T? Find<T>(EntityId id) where T : Entity
    {
        EnsureActive();
        return _model.Find(id) as T;
    }

    public T Get<T>(EntityId id) where T : Entity => Find<T>(id) ?? throw new EntityNotFoundException(id, typeof(T));

    public bool Exists(EntityId id)
    {
        EnsureActive();
        return _model.Find(id) is not null;
    }

    public IEnumerable<T> All<T>() where T : Entity
    {
        EnsureActive();
        // A writer may change entities while it walks them, so it gets a copy.
        return IsWrite ? _model.All<T>().ToList() : _model.All<T>();
    }

    /// <summary>Adds the entity, or replaces the one with the same id.</summary>
    public void Put(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        BeginChange();
        _model.Types.NameOf(entity.GetType());
        Remember(entity.Id);
        _model.Set(entity.Id, entity);
    }

    /// <summary>Removes the entity with this id; false if there was none.</summary>
    public bool Remove(EntityId id)
    {
        BeginChange();
        if (_model.Find(id) is null) return false;
        Remember(id);
        _model.Set(id, null);
        return true;
    }

    /// <summary>Queues a notification for one recipient, delivered after commit in that recipient's batch.</summary>
    public void Notify(string recipient, Notification notification)
    {
        ArgumentException.ThrowIfNullOrEmpty(recipient);
        ArgumentNullException.ThrowIfNull(notification);
        BeginChange();
        (_outbox ??= new Outbox()).Add(recipient, notification);
    }

    /// <summary>Queues a notification for each of several recipients (a channel message).</summary>
    public void Notify(IEnumerable<string> recipients, Notification notification)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients is ICollection<string> { Count: > 1 } many && IsWrite) (_outbox ??= new Outbox()).Reserve(many.Count);
        foreach (var recipient in recipients) Notify(recipient, notification);
    }

    /// <summary>
    /// Schedules a durable task to run <paramref name="delay"/> from now, and then every
    /// <paramref name="period"/> if one is given. It is released only if this transaction commits.
    /// </summary>
    /// <returns>The task's id, to cancel it with <see cref="Cancel"/>.</returns>
    public EntityId Schedule(ScheduledTask task, TimeSpan delay = default, TimeSpan? period = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), "a delay may not be negative");
        if (period is { } p && p <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(period), "a period must be positive");
        Put(task with { DueAt = Now + delay, Period = period });
        return task.Id;
    }

    /// <summary>Cancels a scheduled task (effective when this transaction commits); false if it was not scheduled.</summary>
    public bool Cancel(EntityId taskId) => Find<ScheduledTask>(taskId) is not null && Remove(taskId);

    /// <summary>Aborts the task if it has run past its budget; call it in long loops.</summary>
    /// <exception cref="BudgetExceededException">the budget is spent</exception>
    public void CheckBudget()
    {
        if (_deadline == long.MaxValue) return;
        var now = _onSystemClock ? Environment.TickCount64 : _time.GetTimestamp();
        if (now > _deadline) throw new BudgetExceededException(_budget);
    }

    /// <summary>
    /// Registers how to undo something this transaction did outside the model (a scripted die drawn): run, newest
    /// first, when the transaction rolls back or is abandoned (a read re-run as a write), never after a commit.
    /// </summary>
    public void OnRollback(Action undo)
    {
        EnsureActive();
        (_undoOutside ??= new List<Action>()).Add(undo);
    }

    internal CommittedTransaction Complete(long serial)
    {
        var changes = _before is null
            ? (IReadOnlyList<EntityChange>)Array.Empty<EntityChange>()
            : _before.Keys.Select(id => new EntityChange(id, _model.Find(id))).ToList();
        return new CommittedTransaction(serial, changes, Outbox.Drain(ref _outbox));
    }

    /// <summary>Restores every entity this transaction touched and drops its outbox.</summary>
    internal void Rollback()
    {
        if (_before is not null)
        {
            foreach (var (id, entity) in _before) _model.Set(id, entity);
            _before = null;
        }
        _outbox = null;
        _ended = true;
        if (_undoOutside is { } undo)
        {
            _undoOutside = null;
            for (var i = undo.Count - 1; i >= 0; i--) undo[i]();
        }
    }

    internal void End()
    {
        _ended = true;
        _undoOutside = null;
    }

    private void BeginChange()
    {
        EnsureActive();
        if (!IsWrite)
        {
            WriteRequired = true;
            throw new WriteRequiredException();
        }
        CheckBudget();
    }

    private void Remember(EntityId id)
    {
        _before ??= new Dictionary<EntityId, Entity?>();
        _before.TryAdd(id, _model.Find(id));
    }

    private void EnsureActive()
    {
        if (_ended) throw new InvalidOperationException("this transaction has ended; the model can only be used inside the gate's Read or Write");
    }
}
