using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Events;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Engine.Workflow.Processes;

/// <summary>
/// Runs the stack of processes kept in the model. <see cref="Run"/> works on the top process's head
/// step until it is blocked on prompts (or the stack is empty): plan it, dispense its prerequisites,
/// run it when they are ready, complete it. Answers come in through <see cref="Answer"/>, each checked
/// on its own. All state is entities, so it commits, rolls back and survives a restart with the game;
/// this class holds only services (dice, logging).
/// </summary>
public sealed class ProcessManager
{
    /// <summary>Steps one Run may complete without waiting on anyone; more means a rule loops.</summary>
    public const int MaxStepsPerRun = 1000;

    private readonly ILogger _logger;

    public ProcessManager(IDiceSource dice, ILogger<ProcessManager>? logger = null)
    {
        Dice = dice;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public IDiceSource Dice { get; }

    /// <summary>Creates the workflow's singletons if this is a new game, and attaches this manager to it.</summary>
    public void Initialize(Transaction tx)
    {
        var state = tx.Find<WorkflowState>(WorkflowState.Key);
        if (state is null)
        {
            state = new WorkflowState(WorkflowState.Key, Guid.NewGuid(), 1);
            tx.Put(state);
        }
        if (!tx.Exists(ProcessStack.Key)) tx.Put(ProcessStack.Empty);
        ProcessManagers.Register(state.GameId, this);
    }

    public ProcessStack StackOf(IModelReader reader) => reader.Find<ProcessStack>(ProcessStack.Key) ?? ProcessStack.Empty;

    /// <summary>The processes, bottom first.</summary>
    public IReadOnlyList<CoreProcess> Processes(IModelReader reader) =>
        StackOf(reader).Processes.Select(reader.Get<CoreProcess>).ToList();

    public CoreProcess? TopProcess(IModelReader reader) =>
        StackOf(reader).Top is { } top ? reader.Get<CoreProcess>(top) : null;

    /// <summary>The step being worked on: the head step of the top process.</summary>
    public CoreStep? CurrentStep(IModelReader reader) =>
        TopProcess(reader) is { Steps.IsEmpty: false } process ? reader.Get<CoreStep>(process.Steps[0]) : null;

    /// <summary>Puts a new process on top of the stack (it runs at the next <see cref="Run"/>).</summary>
    public EntityId Start(Transaction tx, string name, EntityId? actor, params CoreStep[] steps)
    {
        Initialize(tx);
        return Push(tx, tx.Put, name, actor, steps);
    }

    /// <summary>Works the stack until every remaining step waits on an answer, or the stack is empty.</summary>
    /// <exception cref="InvalidOperationException">more than <see cref="MaxStepsPerRun"/> steps ran without waiting</exception>
    public void Run(Transaction tx)
    {
        Initialize(tx);
        for (var steps = 0; steps < MaxStepsPerRun; steps++)
        {
            tx.CheckBudget();
            if (!Advance(tx)) return;
        }
        throw new InvalidOperationException($"the workflow ran {MaxStepsPerRun} steps without waiting for anyone: a rule loops");
    }

    /// <summary>
    /// The prompts of the current step that are waiting for an answer and that <paramref name="actor"/>
    /// may answer: a master sees all of them, a player those for creatures they control. With a
    /// <paramref name="creature"/>, only that creature's.
    /// </summary>
    public IReadOnlyList<StepPrerequisite> Pending(IModelReader reader, Actor actor, EntityId? creature = null)
    {
        if (CurrentStep(reader) is not { } step) return [];
        return step.Prerequisites
            .Select(reader.Get<StepPrerequisite>)
            .Where(p => p is { IsDispensed: true, IsReady: false })
            .Where(p => creature is null || p.Fulfiller == creature)
            .Where(p => MayAnswer(reader, actor, p))
            .ToList();
    }

    /// <summary>The users the game is waiting on: the controllers of the pending prompts' fulfillers, or the masters.</summary>
    public IReadOnlyCollection<string> WaitingOn(IModelReader reader)
    {
        var users = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var prompt in Pending(reader, Actor.System))
        {
            if (prompt.Fulfiller is { } creature && Control.ControllerOf(reader, creature) is { } user) users.Add(user);
            else users.UnionWith(GameMasters.Of(reader));
        }
        return users;
    }

    /// <summary>
    /// Applies each answer on its own: a bad one (wrong kind or range, a user who may not answer it, a
    /// step that is no longer current, already answered) is refused with a reason and changes nothing,
    /// while the others are applied. Then the workflow runs on.
    /// </summary>
    public IReadOnlyList<AnswerResult> Answer(Transaction tx, Actor actor, IReadOnlyList<PrerequisiteAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(answers);
        Initialize(tx);
        var results = answers.Select(answer => AnswerOne(tx, actor, answer)).ToList();
        if (results.Any(r => r.Accepted)) Run(tx);
        return results;
    }

    /// <summary>Applies the default answer of every overdue prompt of the current step, then runs on.</summary>
    /// <returns>how many prompts timed out</returns>
    public int ExpireTimeouts(Transaction tx)
    {
        Initialize(tx);
        var expired = 0;
        for (var round = 0; round < MaxStepsPerRun; round++)
        {
            if (CurrentStep(tx) is not { } step) break;
            var overdue = Pending(tx, Actor.System).Where(p => p.Deadline is { } due && due <= tx.Now).ToList();
            if (overdue.Count == 0) break;
            foreach (var prompt in overdue)
            {
                var answer = prompt.DefaultAnswer ?? prompt.FallbackAnswer;
                var result = answer is null
                    ? AnswerResult.Refused(prompt.Id, "no default answer")
                    : AnswerOne(tx, Actor.System, new PrerequisiteAnswer(step.Id, prompt.Id, answer));
                if (result.Accepted) expired++;
                else _logger.LogWarning("the default answer of prompt {Prompt} was refused: {Error}", prompt.Id, result.Error);
            }
            Run(tx);
        }
        return expired;
    }

    /// <summary>Removes a process (and its steps and prompts) from the stack without finishing it.</summary>
    public void Abort(Transaction tx, EntityId process, string reason)
    {
        if (tx.Find<CoreProcess>(process) is { } found) Finish(tx, found, completed: false, reason);
    }

    /// <summary>Aborts every process on the stack, top first.</summary>
    public void Clear(Transaction tx, string reason)
    {
        foreach (var process in Processes(tx).Reverse()) Finish(tx, process, completed: false, reason);
    }

    /// <summary>
    /// A roll no step asked for (a master's free roll), logged like every roll and told to <paramref name="recipients"/>;
    /// a <paramref name="isPublic"/> one is in every player's dice log.
    /// </summary>
    public DiceRoll RollFree(Transaction tx, DiceExpression expression, string purpose, string askedBy, IEnumerable<string> recipients, bool isPublic)
    {
        Initialize(tx);
        var faces = expression.DiceSides().Select(Dice.Roll).ToImmutableList();
        tx.OnRollback(() => Dice.Return(faces));
        var state = tx.Get<WorkflowState>(WorkflowState.Key);
        tx.Put(state with { NextSequence = state.NextSequence + 1 });
        var roll = new DiceRoll(EntityId.New(), state.NextSequence, null, "free roll", expression.ToString(), faces, expression.Modifier,
            faces.Sum() + expression.Modifier, askedBy, null, purpose, Physical: false, tx.Now) { Public = isPublic };
        tx.Put(roll);
        tx.Notify(recipients, new DiceRolled(roll.Id, null, purpose, roll.Expression, roll.Total, Physical: false));
        return roll;
    }

    public static bool MayAnswer(IModelReader reader, Actor actor, StepPrerequisite prerequisite) =>
        actor.IsMaster || (prerequisite.Fulfiller is { } creature && Control.MayAct(reader, actor, creature));

    private AnswerResult AnswerOne(Transaction tx, Actor actor, PrerequisiteAnswer? answer)
    {
        if (answer?.Answer is null) return AnswerResult.Refused(answer?.Prerequisite ?? default, "an answer is missing");
        var id = answer.Prerequisite;
        if (tx.Find<CoreStep>(answer.Step) is not { } step)
            return AnswerResult.Refused(id, $"step {answer.Step} is no longer current: it has finished");
        if (CurrentStep(tx)?.Id != step.Id)
            return AnswerResult.Refused(id, $"step {step.Describe()} is not the current step: another process is resolving first");
        if (tx.Find<StepPrerequisite>(id) is not { } prerequisite || prerequisite.Step != step.Id)
            return AnswerResult.Refused(id, $"prompt {id} is not part of step {step.Describe()}");
        if (!prerequisite.IsDispensed) return AnswerResult.Refused(id, $"'{prerequisite.Text}' has not been asked yet");
        if (prerequisite.IsReady)
            return AnswerResult.Refused(id, $"'{prerequisite.Text}' was already answered by {prerequisite.AnsweredBy}");
        if (!MayAnswer(tx, actor, prerequisite))
            return AnswerResult.Refused(id, $"{actor.UserName} may not answer '{prerequisite.Text}': it is for another user's creature");

        var context = new StepContext(tx, Dice, step, tx.Get<CoreProcess>(step.Process));
        try
        {
            var acceptance = prerequisite.Accept(answer.Answer, new AnswerScope(context, actor));
            if (!acceptance.IsAccepted)
            {
                context.Undo();
                return AnswerResult.Refused(id, acceptance.Error ?? "refused");
            }
            Record(context, prerequisite, acceptance.Answered!, actor.UserName);
            context.Flush();
            return AnswerResult.Ok(id);
        }
        catch (Exception e) when (e is not TransactionAbortedException)
        {
            context.Undo();
            _logger.LogWarning(e, "prompt {Prompt} failed on an answer", id);
            return AnswerResult.Refused(id, $"the rules could not take this answer: {e.Message}");
        }
    }

    private static void Record(StepContext context, StepPrerequisite asked, StepPrerequisite answered, string user)
    {
        context.Put(answered with { Id = asked.Id, Step = asked.Step, IsDispensed = true, IsReady = true, AnsweredBy = user });
        if (asked.TimeoutTask is { } task) context.Cancel(task);
        context.Notify(Control.RecipientsFor(context, asked.Fulfiller), new PromptAnswered(asked.Step, asked.Id, user));
    }

    /// <summary>One move of the stack; false when nothing can move until someone answers.</summary>
    private bool Advance(Transaction tx)
    {
        if (TopProcess(tx) is not { } process) return false;
        if (process.Steps.IsEmpty)
        {
            Finish(tx, process, completed: true, reason: null);
            return true;
        }
        var step = tx.Get<CoreStep>(process.Steps[0]);
        var context = new StepContext(tx, Dice, step, process);
        try
        {
            if (!step.IsPlanned) step = Plan(context, step);
            if (!Dispense(context, step))
            {
                context.Flush();
                return false;
            }
            context.IsRunning = true;
            step.Run(context);
            context.IsRunning = false;
            Complete(tx, context, process, step);
            context.Flush();
            return true;
        }
        catch (Exception e) when (e is not TransactionAbortedException)
        {
            context.Undo();
            _logger.LogError(e, "step {Step} of process {Process} failed; undone and the process aborted", step.Describe(), process.Name);
            tx.Notify(GameMasters.Of(tx), new StepFailed(step.Id, step.Describe(), process.Id, e.Message));
            Finish(tx, process, completed: false, $"step {step.Describe()} failed: {e.Message}");
            return true;
        }
    }

    private static CoreStep Plan(StepContext context, CoreStep step)
    {
        var planned = step.Plan(context).ToList();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var prerequisite in planned)
        {
            if (!keys.Add(prerequisite.BindKey))
                throw new InvalidOperationException($"step {step.Describe()} plans two prerequisites named '{prerequisite.BindKey}'");
            if (prerequisite.Timeout is not null && (prerequisite.DefaultAnswer ?? prerequisite.FallbackAnswer) is null)
                throw new InvalidOperationException($"prompt '{prerequisite.Text}' has a timeout but no default answer");
            context.Put(prerequisite with { Step = step.Id, IsDispensed = false, IsReady = false });
        }
        var updated = step with { IsPlanned = true, Prerequisites = planned.Select(p => p.Id).ToImmutableList() };
        context.Put(updated);
        return updated;
    }

    /// <summary>Dispenses in order, stopping after a serial prompt that is not ready; true when all are ready.</summary>
    private static bool Dispense(StepContext context, CoreStep step)
    {
        foreach (var id in step.Prerequisites)
        {
            var prerequisite = context.Get<StepPrerequisite>(id);
            if (!prerequisite.IsDispensed) prerequisite = DispenseOne(context, prerequisite);
            if (prerequisite.IsSerial && !prerequisite.IsReady) return false;
        }
        return step.Prerequisites.All(id => context.Get<StepPrerequisite>(id).IsReady);
    }

    private static StepPrerequisite DispenseOne(StepContext context, StepPrerequisite prerequisite)
    {
        prerequisite = prerequisite with { IsDispensed = true };
        if (prerequisite.Timeout is { } timeout)
        {
            var task = new PrerequisiteTimeoutTask(EntityId.New(), prerequisite.Id);
            context.Schedule(task, timeout);
            prerequisite = prerequisite with { Deadline = context.Now + timeout, TimeoutTask = task.Id };
        }
        context.Put(prerequisite);
        if (prerequisite.AnswerAutomatically(new AnswerScope(context, Actor.System)) is { IsAccepted: true } automatic)
        {
            Record(context, prerequisite, automatic.Answered!, StepContext.HostUser);
            return context.Get<StepPrerequisite>(prerequisite.Id);
        }
        context.Notify(
            Control.RecipientsFor(context, prerequisite.Fulfiller),
            new PromptWaiting(prerequisite.Step, prerequisite.Id, prerequisite.Fulfiller, prerequisite.Kind, prerequisite.Text, prerequisite.Deadline));
        return prerequisite;
    }

    private static void Complete(Transaction tx, StepContext context, CoreProcess process, CoreStep step)
    {
        RemoveStep(context, step.Id);
        var remaining = tx.Get<CoreProcess>(process.Id).Steps.Remove(step.Id);
        if (context.EndsProcess)
        {
            foreach (var id in remaining) RemoveStep(context, id);
            remaining = ImmutableList<EntityId>.Empty;
        }
        var followers = context.Followers
            .Select(f => f with { Process = process.Id, IsPlanned = false, Prerequisites = ImmutableList<EntityId>.Empty })
            .ToList();
        foreach (var follower in followers) context.Put(follower);
        context.Put(tx.Get<CoreProcess>(process.Id) with { Steps = followers.Select(f => f.Id).ToImmutableList().AddRange(remaining) });
        // The first process started must run first, so it goes on top: push them in reverse.
        foreach (var (name, actor, steps) in context.Started.Reverse()) Push(context, context.Put, name, actor, steps);
    }

    private static EntityId Push(IModelReader reader, Action<Entity> put, string name, EntityId? actor, CoreStep[] steps)
    {
        var processId = EntityId.New();
        var state = reader.Get<WorkflowState>(WorkflowState.Key);
        var sequence = state.NextSequence;
        put(state with { NextSequence = sequence + 1 });
        foreach (var step in steps) put(step with { Process = processId, IsPlanned = false, Prerequisites = ImmutableList<EntityId>.Empty });
        put(new CoreProcess(processId, name, sequence, steps.Select(s => s.Id).ToImmutableList()) { Actor = actor });
        var stack = reader.Find<ProcessStack>(ProcessStack.Key) ?? ProcessStack.Empty;
        put(stack with { Processes = stack.Processes.Add(processId) });
        return processId;
    }

    private void Finish(Transaction tx, CoreProcess process, bool completed, string? reason)
    {
        foreach (var id in process.Steps) RemoveStep(tx, id);
        tx.Remove(process.Id);
        var stack = StackOf(tx);
        tx.Put(stack with { Processes = stack.Processes.Remove(process.Id) });
        tx.Notify(Control.RecipientsFor(tx, process.Actor), new ProcessEnded(process.Id, process.Name, completed, reason));
        if (!completed) _logger.LogInformation("process {Process} aborted: {Reason}", process.Name, reason);
    }

    private static void RemoveStep(StepContext context, EntityId stepId)
    {
        if (context.Find<CoreStep>(stepId) is not { } step) return;
        foreach (var id in step.Prerequisites)
        {
            if (context.Find<StepPrerequisite>(id)?.TimeoutTask is { } task) context.Cancel(task);
            context.Remove(id);
        }
        context.Remove(stepId);
    }

    private static void RemoveStep(Transaction tx, EntityId stepId)
    {
        if (tx.Find<CoreStep>(stepId) is not { } step) return;
        foreach (var id in step.Prerequisites)
        {
            if (tx.Find<StepPrerequisite>(id)?.TimeoutTask is { } task) tx.Cancel(task);
            tx.Remove(id);
        }
        tx.Remove(stepId);
    }
}
