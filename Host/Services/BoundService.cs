using Ikosa.Contracts;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Store;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Host.Mapping;
using Ikosa.Host.Game;
using Ikosa.Host.Security;
using Ikosa.Host.Validation;
using Ikosa.Host.Sessions;
using Ikosa.ServiceModel;

namespace Ikosa.Host.Services;

/// <summary>
/// What every service instance (one per channel) shares: the login its channel is bound to, and entering the gate with
/// the engine's errors turned into typed faults (the one place they are: busy, unknown id, the host cannot save). Who may call each operation is declared on it with [Authorize] and
/// enforced by the <see cref="OperationAuthorizationAttribute"/> behavior; a creature's control is checked inside the
/// operation's own transaction (<see cref="ControlCheck"/>). Arguments are checked against their contract before the
/// operation runs (<see cref="ArgumentValidationAttribute"/>); ids are checked here, against the model.
/// </summary>
[OperationAuthorization]
[ArgumentValidation]
public abstract class BoundService(GameHost game)
{
    public GameHost Game { get; } = game;

    /// <summary>
    /// The login this channel is bound to (by Login, Resume or Bind), or null. Binding one authenticates the channel's
    /// session: it then keeps the binding's long idle timeout instead of the short deadline of a session that has not
    /// logged in (sessionAuthentication in app.config).
    /// </summary>
    public ClientSession? Client
    {
        get => _client;
        protected set
        {
            _client = value;
            if (value is not null)
                OperationContext.Current?.MarkSessionAuthenticated();
        }
    }

    private ClientSession? _client;

    protected Actor Actor => Client?.Actor ?? throw new InvalidOperationException("The channel is not bound.");

    /// <summary>Binds this channel to the login that issued <paramref name="ticket"/>.</summary>
    protected void BindTo(string ticket, string operation)
    {
        Client = Game.Sessions.FindByTicket(ticket)
            ?? throw new FaultException<AccessDeniedFault>(
                new AccessDeniedFault { Operation = operation, Reason = "unknown or expired ticket; log in again" },
                $"{operation} refused: unknown or expired ticket");
    }

    /// <summary>
    /// Binds this channel to the login that issued <paramref name="ticket"/>; when that login ends, the channel is told
    /// with its callback contract's OnSessionEnded (<paramref name="tellEnded"/>) and closed. A service called in-process
    /// (no operation context) has no channel to tell.
    /// </summary>
    protected Task BindChannelAsync<TCallback>(string ticket, Func<TCallback, string, Task> tellEnded) where TCallback : class
    {
        var previous = Client;
        BindTo(ticket, "Bind");
        if (previous == Client || OperationContext.Current is not { } context)
            return Task.CompletedTask;
        var callback = context.GetCallbackChannel<TCallback>();
        var channel = (ICommunicationObject)callback;
        previous?.RemoveChannel(channel);
        Client!.AddChannel(channel, reason => tellEnded(callback, reason));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The task queue this channel's requests go through: the login's ticket, shared by its four channels, so one
    /// client's requests keep their order while different clients run in parallel (and their writes share group commits).
    /// </summary>
    protected string Queue => Client?.Ticket ?? GameHost.HostQueue;

    /// <summary>A read through the task service; the operation awaits it, holding no thread while the engine works.</summary>
    protected Task<T> ReadAsync<T>(Func<Transaction, T> read) => GuardAsync(Game.ReadAsync(Queue, Checked(read)));

    /// <summary>A write (a transaction: all or nothing) through the task service.</summary>
    protected Task<T> WriteAsync<T>(Func<Transaction, T> write) => GuardAsync(Game.WriteAsync(Queue, Checked(write)));

    /// <summary>Runs the call's <paramref name="check"/> in a read of its own: for an operation that did not enter the gate.</summary>
    internal Task CheckAsync(ControlCheck check) => GuardAsync(Game.ReadAsync(Queue, tx =>
    {
        check.Run(tx);
        return true;
    }));

    /// <summary>The work, preceded in its transaction by the call's authorization check when it has one.</summary>
    private static Func<Transaction, T> Checked<T>(Func<Transaction, T> work) => ControlCheck.Current is { } check
        ? tx =>
        {
            check.Run(tx);
            return work(tx);
        }
        : work;

    /// <summary>A rule's verdict, reached in a write, as the caller's result.</summary>
    protected async Task<ResultInfo> RuleAsync(Func<Transaction, RuleResult> rule)
    {
        var result = await WriteAsync(rule).ConfigureAwait(false);
        return new ResultInfo { Accepted = result.Ok, Error = result.Error, Serial = Game.Serial };
    }

    protected static FaultException<InvalidArgumentFault> InvalidArgument(string argument, string reason) =>
        new(new InvalidArgumentFault { Argument = argument, Reason = reason }, $"{argument}: {reason}");

    protected static EntityId Id(Guid id) => new(id);

    /// <summary>The scene <paramref name="id"/> names (null when it is null), or an InvalidArgumentFault naming <paramref name="argument"/>.</summary>
    protected static EntityId? SceneNamed(IModelReader reader, Guid? id, string argument) => id switch
    {
        null => null,
        { } given when reader.Find<Scene>(Id(given)) is not null || Id(given) == Scene.Default => Id(given),
        { } given => throw InvalidArgument(argument, $"there is no scene {given}"),
    };

    /// <summary>The creature <paramref name="id"/> names, or an InvalidArgumentFault naming <paramref name="argument"/>.</summary>
    protected static Creature CreatureNamed(IModelReader reader, Guid id, string argument) =>
        reader.Find<Creature>(Id(id)) ?? throw InvalidArgument(argument, $"there is no creature {id}");

    /// <summary>The creatures <paramref name="ids"/> name, each of which must exist.</summary>
    protected static IReadOnlyCollection<EntityId> CreaturesNamed(IModelReader reader, List<Guid> ids, string argument) =>
        ids.Select((id, i) => CreatureNamed(reader, id, $"{argument}[{i}]").Id).ToList();

    /// <summary>The engine's refusals as the contracts' typed faults.</summary>
    private static async Task<T> GuardAsync<T>(Task<T> work)
    {
        try
        {
            return await work.ConfigureAwait(false);
        }
        catch (ServerBusyException error)
        {
            throw new FaultException<InvalidStateFault>(new InvalidStateFault { Reason = error.Message }, "The server is busy; try again.");
        }
        catch (EntityNotFoundException error)
        {
            throw InvalidArgument("id", error.Message);
        }
        catch (StoreFailedException error) when (error.Problem is { } problem)
        {
            var reason = StoreAlerts.RefusalReason(problem);
            throw new FaultException<HostCannotSaveFault>(new HostCannotSaveFault { Reason = reason, Cause = problem.Kind.ToString() }, reason);
        }
    }

    /// <summary>Answers prompts in one write; an answer that cannot even be read is refused alone, like the rules' refusals.</summary>
    protected Task<List<AnswerResultInfo>> AnswerPromptsAsync(List<AnswerInfo> answers)
    {
        var actor = Actor;
        return WriteAsync(tx =>
        {
            var unreadable = new Dictionary<int, AnswerResultInfo>();
            var readable = new List<PrerequisiteAnswer>();
            for (var i = 0; i < answers.Count; i++)
            {
                var answer = answers[i];
                var prerequisite = tx.Find<StepPrerequisite>(new EntityId(answer.Prerequisite));
                if (GameMapper.ToAnswer(answer, prerequisite) is not { } engineAnswer)
                    unreadable[i] = new AnswerResultInfo { Prerequisite = answer.Prerequisite, Accepted = false, Error = "no such prompt, or the answer does not fit its kind" };
                else
                    readable.Add(new PrerequisiteAnswer(new EntityId(answer.Step), prerequisite!.Id, engineAnswer));
            }
            var results = new Queue<AnswerResult>(readable.Count == 0 ? [] : Game.Rules.SetPrerequisites(tx, actor, readable));
            return answers.Select((_, i) => unreadable.TryGetValue(i, out var refused) ? refused : GameMapper.ToInfo(results.Dequeue())).ToList();
        });
    }
}
