using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Tasks;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Events;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Workflow.Processes;

/// <summary>
/// A step's view of the game while it is planned, dispensed, answered or run. Reads go to the
/// transaction; writes go to it too but are remembered, so that a step that throws is undone on its
/// own (a savepoint the transaction itself does not offer); notifications are held until the step
/// succeeds. Follow-on steps and new processes take effect when the step completes.
/// </summary>
public sealed class StepContext : IModelReader
{
    public const string HostUser = "(host)";

    private readonly Transaction _tx;
    private readonly IDiceSource _dice;
    private readonly Dictionary<EntityId, Entity?> _before = new();
    private readonly List<(IReadOnlyCollection<string> Recipients, Notification Notification)> _notifications = new();
    private readonly List<CoreStep> _followers = new();
    private readonly List<(string Name, EntityId? Actor, CoreStep[] Steps)> _started = new();

    internal StepContext(Transaction tx, IDiceSource dice, CoreStep step, CoreProcess process)
    {
        _tx = tx;
        _dice = dice;
        Step = step;
        Process = process;
    }

    public CoreStep Step { get; }

    public CoreProcess Process { get; }

    public DateTimeOffset Now => _tx.Now;

    public long Serial => _tx.Serial;

    internal bool IsRunning { get; set; }

    internal bool EndsProcess { get; private set; }

    internal IReadOnlyList<CoreStep> Followers => _followers;

    internal IReadOnlyList<(string Name, EntityId? Actor, CoreStep[] Steps)> Started => _started;

    public T? Find<T>(EntityId id) where T : Entity => _tx.Find<T>(id);

    public T Get<T>(EntityId id) where T : Entity => _tx.Get<T>(id);

    public bool Exists(EntityId id) => _tx.Exists(id);

    public IEnumerable<T> All<T>() where T : Entity => _tx.All<T>();

    public void Put(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Remember(entity.Id);
        _tx.Put(entity);
    }

    public bool Remove(EntityId id)
    {
        Remember(id);
        return _tx.Remove(id);
    }

    public void Notify(string recipient, Notification notification) => _notifications.Add(([recipient], notification));

    public void Notify(IEnumerable<string> recipients, Notification notification) =>
        _notifications.Add((recipients.ToList(), notification));

    public EntityId Schedule(ScheduledTask task, TimeSpan delay = default, TimeSpan? period = null)
    {
        Remember(task.Id);
        return _tx.Schedule(task, delay, period);
    }

    public bool Cancel(EntityId taskId)
    {
        Remember(taskId);
        return _tx.Cancel(taskId);
    }

    /// <summary>The answered prerequisite of this step with the given bind key.</summary>
    public T Prerequisite<T>(string bindKey) where T : StepPrerequisite =>
        Prerequisites<T>().SingleOrDefault(p => p.BindKey == bindKey)
        ?? throw new InvalidOperationException($"step {Step.Describe()} has no {typeof(T).Name} '{bindKey}'");

    /// <summary>This step's prerequisites of one kind, in dispensing order.</summary>
    public IEnumerable<T> Prerequisites<T>() where T : StepPrerequisite =>
        Get<CoreStep>(Step.Id).Prerequisites.Select(id => _tx.Find<T>(id)).OfType<T>();

    /// <summary>Rolls on the host and logs the roll against this step.</summary>
    /// <param name="askedBy">the user who asked; by default the creature's controller, or the host</param>
    public DiceRoll Roll(DiceExpression expression, string purpose, EntityId? creature, string? askedBy = null)
    {
        var faces = expression.DiceSides().Select(_dice.Roll).ToImmutableList();
        _tx.OnRollback(() => _dice.Return(faces));
        return Log(expression, faces, purpose, creature, askedBy, physical: false);
    }

    public DiceRoll Roll(string expression, string purpose, EntityId? creature, string? askedBy = null) =>
        Roll(DiceExpression.Parse(expression), purpose, creature, askedBy);

    /// <summary>Logs faces a user read off physical dice (checked by the caller).</summary>
    public DiceRoll RecordPhysicalRoll(DiceExpression expression, IReadOnlyList<int> faces, string purpose, EntityId? creature, string askedBy) =>
        Log(expression, faces.ToImmutableList(), purpose, creature, askedBy, physical: true);

    /// <summary>Runs <paramref name="step"/> next in this process (several run in the order given).</summary>
    public void Follow(CoreStep step)
    {
        EnsureRunning();
        _followers.Add(step);
    }

    /// <summary>
    /// Starts a process that goes on top of the stack when this step completes, so it runs before the
    /// rest of this one (an interruption). Processes started by one step run in the order started.
    /// </summary>
    public void StartProcess(string name, EntityId? actor, params CoreStep[] steps)
    {
        EnsureRunning();
        if (steps.Length == 0) throw new ArgumentException("a process needs at least one step", nameof(steps));
        _started.Add((name, actor, steps));
    }

    /// <summary>Drops the rest of this process when this step completes (e.g. the actor has died).</summary>
    public void EndProcess()
    {
        EnsureRunning();
        EndsProcess = true;
    }

    /// <summary>The next number of the game's sequence, to order log entries.</summary>
    public long NextSequence()
    {
        var state = Get<WorkflowState>(WorkflowState.Key);
        Put(state with { NextSequence = state.NextSequence + 1 });
        return state.NextSequence;
    }

    /// <summary>Restores every entity this context changed and drops its notifications and flow changes.</summary>
    internal void Undo()
    {
        foreach (var (id, before) in _before)
        {
            if (before is null) _tx.Remove(id);
            else _tx.Put(before);
        }
        _before.Clear();
        _notifications.Clear();
        _followers.Clear();
        _started.Clear();
        EndsProcess = false;
    }

    /// <summary>Releases the held notifications into the transaction's outbox.</summary>
    internal void Flush()
    {
        foreach (var (recipients, notification) in _notifications) _tx.Notify(recipients, notification);
        _notifications.Clear();
    }

    private DiceRoll Log(DiceExpression expression, ImmutableList<int> faces, string purpose, EntityId? creature, string? askedBy, bool physical)
    {
        var asker = askedBy ?? (creature is { } id ? Control.ControllerOf(this, id) : null) ?? HostUser;
        var roll = new DiceRoll(
            EntityId.New(), NextSequence(), Step.Id, Step.Describe(), expression.ToString(), faces,
            expression.Modifier, faces.Sum() + expression.Modifier, asker, creature, purpose, physical, Now);
        Put(roll);
        var recipients = new SortedSet<string>(Control.RecipientsFor(this, creature), StringComparer.Ordinal);
        if (asker != HostUser) recipients.Add(asker);
        Notify(recipients, new DiceRolled(roll.Id, creature, purpose, roll.Expression, roll.Total, physical));
        return roll;
    }

    private void Remember(EntityId id) => _before.TryAdd(id, _tx.Find<Entity>(id));

    private void EnsureRunning()
    {
        if (!IsRunning) throw new InvalidOperationException("follow-on steps and processes may only be started while a step runs");
    }
}
