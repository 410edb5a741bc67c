using System.Collections.Immutable;
using System.Reflection;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Mastering;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Rules.Views;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;
using Ikosa.Engine.Workflow.Users;
using Microsoft.Extensions.Logging;

namespace Ikosa.Engine.Rules;

/// <summary>
/// The rules as the host's services see them. Every method takes the transaction the service opened
/// through the model gate (a read transaction for queries, a write one for changes) and the calling
/// user. A refused request returns its reason and changes nothing; prompts, rolls and results reach
/// users as notifications addressed by user name.
/// </summary>
public sealed class GameRules
{
    public GameRules(IDiceSource? dice = null, RuleBook? book = null, ILoggerFactory? loggers = null)
    {
        Workflow = new ProcessManager(dice ?? new RandomDiceSource(), loggers?.CreateLogger<ProcessManager>());
        Book = book ?? RuleBook.Standard();
    }

    public ProcessManager Workflow { get; }

    public RuleBook Book { get; }

    /// <summary>Registers every entity type of the workflow and rules (and of <paramref name="extensions"/>) under its stable name.</summary>
    public static EntityTypeRegistry RegisterTypes(EntityTypeRegistry registry, params Assembly[] extensions) =>
        EntityNames.RegisterAll(registry, extensions);

    /// <summary>
    /// Prepares a new or loaded game: the workflow's singletons, the turn tracker, the game masters; a game saved before
    /// scenes existed gets its map as the default scene, and the index of who stands where is checked.
    /// </summary>
    public void Initialize(Transaction tx, IEnumerable<string> masters)
    {
        Workflow.Initialize(tx);
        LegacyMap.Upgrade(tx);
        Placement.Reindex(tx, tx.Put);
        if (!tx.Exists(TurnTracker.Key)) tx.Put(TurnTracker.Idle);
        var names = masters.ToImmutableSortedSet(StringComparer.Ordinal);
        if (tx.Find<GameMasters>(GameMasters.Key)?.Users.SetEquals(names) != true)
            tx.Put(new GameMasters(GameMasters.Key, names));
    }

    // ----- who plays what

    /// <summary>Who may play a creature (see <see cref="MasterTools.SetPlayers"/>).</summary>
    public RuleResult SetAllowedUsers(Transaction tx, Actor actor, EntityId creature, IEnumerable<string> users) =>
        MasterTools.SetPlayers(tx, actor, creature, users);

    /// <summary>The user starts playing the creature (at login): it must be allowed, or a master, and nobody else may hold it.</summary>
    public RuleResult TakeControl(Transaction tx, Actor actor, EntityId creature)
    {
        if (tx.Find<Creature>(creature) is not { } found) return RuleResult.Refused($"there is no creature {creature}");
        var control = CreatureControl.Of(tx, creature)
                      ?? new CreatureControl(CreatureControl.KeyFor(creature), creature, ImmutableSortedSet<string>.Empty, null);
        if (!actor.IsMaster && !control.Allows(actor.UserName)) return RuleResult.Refused($"{actor.UserName} may not play {found.Name}");
        if (control.Controller is { } other && !string.Equals(other, actor.UserName, StringComparison.OrdinalIgnoreCase))
            return RuleResult.Refused($"{found.Name} is already played by {other}");
        tx.Put(control with { Controller = actor.UserName });
        return RuleResult.Done();
    }

    public RuleResult ReleaseControl(Transaction tx, Actor actor, EntityId creature)
    {
        if (CreatureControl.Of(tx, creature) is not { Controller: { } current } control) return RuleResult.Done();
        if (!actor.IsMaster && !string.Equals(current, actor.UserName, StringComparison.OrdinalIgnoreCase))
            return RuleResult.Refused($"{actor.UserName} does not play that creature");
        tx.Put(control with { Controller = null });
        return RuleResult.Done();
    }

    public IReadOnlyList<Creature> ControlledCreatures(IModelReader reader, Actor actor) =>
        Control.CreaturesOf(reader, actor.UserName).Select(reader.Find<Creature>).OfType<Creature>().ToList();

    /// <summary>A master lets <paramref name="user"/> enter physical-dice results (or stops it).</summary>
    public RuleResult AllowPhysicalDice(Transaction tx, Actor actor, string user, bool allowed)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may allow physical dice");
        if (string.IsNullOrWhiteSpace(user)) return RuleResult.Refused("name the user");
        var grants = tx.Find<PhysicalDiceGrants>(PhysicalDiceGrants.Key)
                     ?? new PhysicalDiceGrants(PhysicalDiceGrants.Key, ImmutableSortedSet<string>.Empty);
        var name = user.ToLowerInvariant();
        tx.Put(grants with { Users = allowed ? grants.Users.Add(name) : grants.Users.Remove(name) });
        return RuleResult.Done();
    }

    // ----- actions

    /// <summary>The actions <paramref name="creature"/> may take now, computed from the rules and its state.</summary>
    public IReadOnlyList<AvailableAction> GetActions(IModelReader reader, Actor actor, EntityId creature)
    {
        if (reader.Find<Creature>(creature) is not { } found || !Control.MayAct(reader, actor, creature)) return [];
        var context = ActionContext.For(reader, found);
        return Book.Actions
            .Where(action => WhyNot(context, action) is null)
            .OrderBy(action => action.Key, StringComparer.Ordinal)
            .Select(action => new AvailableAction(action.Key, action.DisplayName, action.Time, action.IsHarmless, [.. action.Aiming(context)]))
            .ToList();
    }

    /// <summary>Checks the request against what the creature may do now and its targets, pays for it and runs it.</summary>
    public RuleResult DoAction(Transaction tx, Actor actor, CoreActivity activity)
    {
        if (activity is null) return RuleResult.Refused("no activity was given");
        if (tx.Find<Creature>(activity.Actor) is not { } creature) return RuleResult.Refused($"there is no creature {activity.Actor}");
        if (!Control.MayAct(tx, actor, creature.Id)) return RuleResult.Refused($"{actor.UserName} does not play {creature.Name}");
        if (Book.Find(activity.ActionKey ?? "") is not { } action) return RuleResult.Refused($"there is no action '{activity.ActionKey}'");
        var context = ActionContext.For(tx, creature);
        if ((WhyNot(context, action) ?? action.Check(context, activity)) is { } refusal) return RuleResult.Refused(refusal);

        var steps = action.Steps(context, activity).ToArray();
        if (context.InCombat)
        {
            var paid = context.Budget.Spend(action.Time);
            tx.Put(paid with { HasMoved = paid.HasMoved || action.Moves });
        }
        var process = Workflow.Start(tx, action.DisplayName, creature.Id, steps);
        Workflow.Run(tx);
        return RuleResult.Done(process);
    }

    // ----- prompts

    public IReadOnlyList<StepPrerequisite> GetPrerequisites(IModelReader reader, Actor actor, EntityId? creature = null) =>
        Workflow.Pending(reader, actor, creature);

    /// <summary>Answers prompts; a delay answered here is held to the same rule as <see cref="Delay"/>.</summary>
    public IReadOnlyList<AnswerResult> SetPrerequisites(Transaction tx, Actor actor, IReadOnlyList<PrerequisiteAnswer> answers)
    {
        var refused = answers.Select(a => CannotDelay(tx, a)).ToList();
        var accepted = Workflow.Answer(tx, actor, [.. answers.Where((_, i) => refused[i] is null)]);
        var next = 0;
        return [.. refused.Select(r => r ?? accepted[next++])];
    }

    public IReadOnlyCollection<string> GetWaitingOn(IModelReader reader) => Workflow.WaitingOn(reader);

    /// <summary>Applies the defaults of prompts whose time is up (also done by their scheduled tasks).</summary>
    public int ExpireTimeouts(Transaction tx) => Workflow.ExpireTimeouts(tx);

    // ----- turns

    public RuleResult EndTurn(Transaction tx, Actor actor, EntityId creature) => AnswerTurn(tx, actor, creature, TurnDecision.EndTurn);

    /// <summary>The creature gives up its place to act right after the next one (only before it has acted).</summary>
    public RuleResult Delay(Transaction tx, Actor actor, EntityId creature)
    {
        return AnswerTurn(tx, actor, creature, TurnDecision.Delay);
    }

    private const string HasActed = "a creature that has acted this turn cannot delay";

    private static AnswerResult? CannotDelay(IModelReader reader, PrerequisiteAnswer? answer) =>
        answer?.Answer is TurnAnswer { Decision: TurnDecision.Delay }
        && reader.Find<ActNowPrerequisite>(answer.Prerequisite) is { Fulfiller: { } creature }
        && !ActionBudget.Of(reader, creature).IsUntouched()
            ? AnswerResult.Refused(answer.Prerequisite, HasActed)
            : null;

    public TurnTrackerView GetTurnTracker(IModelReader reader, Actor actor)
    {
        var tracker = TurnTracker.Of(reader);
        var entries = tracker.Order
            .Select(slot => (slot, creature: reader.Find<Creature>(slot.Creature)))
            .Where(e => e.creature is not null && MaySee(reader, actor, e.creature))
            .Select(e => new TurnEntry(e.slot.Creature, e.creature!.Name, e.slot.Initiative, tracker.Current?.Creature == e.slot.Creature))
            .ToImmutableList();
        var current = entries.FirstOrDefault(e => e.IsCurrent)?.Creature;
        return new TurnTrackerView(tracker.Mode, tracker.Round, tracker.GameSeconds, entries, current);
    }

    public ActionBudget? GetBudget(IModelReader reader, Actor actor, EntityId creature) =>
        Control.MayAct(reader, actor, creature) && reader.Exists(creature) ? ActionBudget.Of(reader, creature) : null;

    // ----- the master's controls

    public RuleResult StartCombat(Transaction tx, Actor actor, IReadOnlyCollection<EntityId> creatures)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may start combat");
        if (TurnTracker.Of(tx).InCombat()) return RuleResult.Refused("combat is already on; add combatants instead");
        if (CheckCombatants(tx, creatures) is { } error) return RuleResult.Refused(error);
        tx.Put(TurnTracker.Of(tx) with { Mode = TurnMode.Initiative, Round = 0, Order = ImmutableList<TurnSlot>.Empty, Current = null });
        var process = Workflow.Start(tx, "combat", null, new InitiativeStep(EntityId.New(), [.. creatures.Distinct()], StartsCombat: true));
        Workflow.Run(tx);
        return RuleResult.Done(process);
    }

    public RuleResult AddCombatants(Transaction tx, Actor actor, IReadOnlyCollection<EntityId> creatures)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may add combatants");
        var tracker = TurnTracker.Of(tx);
        if (!tracker.InCombat()) return RuleResult.Refused("there is no combat to join");
        if (CheckCombatants(tx, creatures) is { } error) return RuleResult.Refused(error);
        if (creatures.FirstOrDefault(tracker.IsCombatant) is { } already && already != default)
            return RuleResult.Refused($"{tx.Get<Creature>(already).Name} is already in combat");
        var process = Workflow.Start(tx, "join combat", null, new InitiativeStep(EntityId.New(), [.. creatures.Distinct()], StartsCombat: false));
        Workflow.Run(tx);
        return RuleResult.Done(process);
    }

    public RuleResult DropCombatants(Transaction tx, Actor actor, IReadOnlyCollection<EntityId> creatures)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may drop combatants");
        var tracker = TurnTracker.Of(tx);
        if (!tracker.InCombat()) return RuleResult.Refused("there is no combat");
        if (creatures.FirstOrDefault(c => !tracker.IsCombatant(c)) is { } stranger && stranger != default)
            return RuleResult.Refused($"{stranger} is not in combat");
        foreach (var creature in creatures) Combatants.Remove(tx, tx.Put, creature);
        Workflow.Run(tx);
        return RuleResult.Done();
    }

    /// <summary>Ends combat: every process on the stack is aborted and time flows again.</summary>
    public RuleResult StopCombat(Transaction tx, Actor actor)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may stop combat");
        var tracker = TurnTracker.Of(tx);
        if (!tracker.InCombat()) return RuleResult.Refused("there is no combat to stop");
        Workflow.Clear(tx, "combat stopped by the game master");
        tx.Put(tracker with { Mode = TurnMode.Time, Order = ImmutableList<TurnSlot>.Empty, Current = null });
        tx.Notify(Control.Everyone(tx), new Events.CombatChanged(false, tracker.Round));
        return RuleResult.Done();
    }

    /// <summary>A turn left unanswered this long ends by itself (null: turns wait for ever).</summary>
    public RuleResult SetTurnTimeout(Transaction tx, Actor actor, TimeSpan? timeout)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may set the turn timeout");
        if (timeout is { } t && t <= TimeSpan.Zero) return RuleResult.Refused("a turn timeout must be positive");
        tx.Put(TurnTracker.Of(tx) with { TurnTimeout = timeout });
        return RuleResult.Done();
    }

    /// <summary>Starts or stops the periodic task that advances game time out of combat.</summary>
    public RuleResult SetTimeFlow(Transaction tx, Actor actor, bool running)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may start or stop time");
        var tracker = TurnTracker.Of(tx);
        if (running && tracker.TimeFlowTask is null)
        {
            var task = tx.Schedule(new AdvanceGameTimeTask(EntityId.New()), AdvanceGameTimeTask.Interval, AdvanceGameTimeTask.Interval);
            tx.Put(tracker with { TimeFlowTask = task });
        }
        else if (!running && tracker.TimeFlowTask is { } task)
        {
            tx.Cancel(task);
            tx.Put(tracker with { TimeFlowTask = null });
        }
        return RuleResult.Done();
    }

    /// <summary>
    /// A master asks <paramref name="creature"/>'s player for a check against <paramref name="difficulty"/> (kept from the
    /// player when <paramref name="secret"/>): a process on top of the stack, whose prompt goes to whoever plays it (the
    /// host rolls for a creature nobody plays); the outcome goes to the masters.
    /// </summary>
    public RuleResult RequestCheck(Transaction tx, Actor actor, EntityId creature, CheckKind kind, string name, int difficulty, bool secret)
    {
        if (!actor.IsMaster) return RuleResult.Refused("only a game master may ask for a check");
        if (tx.Find<Creature>(creature) is not { } found) return RuleResult.Refused($"there is no creature {creature}");
        if (CheckBonus.For(found, kind, name, out var error) is not { } check) return RuleResult.Refused(error!);
        var expression = DiceExpression.Parse("1d20").Plus(check.Bonus).ToString();
        var step = new CheckStep(EntityId.New(), creature, check.Check, expression, difficulty, secret, kind == CheckKind.Save);
        var process = Workflow.Start(tx, check.Check, creature, step);
        Workflow.Run(tx);
        return RuleResult.Done(process);
    }

    /// <summary>A master's free roll, to everyone in the game or to the masters only, in the dice log like every roll.</summary>
    public DiceRoll RollFree(Transaction tx, Actor actor, DiceExpression expression, string purpose, bool mastersOnly) =>
        Workflow.RollFree(tx, expression, purpose, actor.UserName, mastersOnly ? GameMasters.Of(tx) : Control.Everyone(tx), isPublic: !mastersOnly);

    // ----- what a user may see

    /// <summary>What <paramref name="creature"/> perceives, for a user who plays it (or a master); null otherwise.</summary>
    public PerceptionView? GetPerception(IModelReader reader, Actor actor, EntityId creature)
    {
        if (reader.Find<Creature>(creature) is not { } viewer || !Control.MayAct(reader, actor, creature)) return null;
        var map = SceneMap.Of(reader, viewer.Scene);
        return new PerceptionView(viewer, Visibility.VisibleCells(map, viewer), [.. Visibility.VisibleCreatures(reader, viewer)]);
    }

    /// <summary>A creature, if the user plays it, is a master, or has a creature that sees it.</summary>
    public Creature? GetCreature(IModelReader reader, Actor actor, EntityId creature) =>
        reader.Find<Creature>(creature) is { } found && MaySee(reader, actor, found) ? found : null;

    /// <summary>The latest rolls, newest last: all of them for a master; a player's own and the masters' public rolls otherwise.</summary>
    public IReadOnlyList<DiceRoll> GetDiceLog(IModelReader reader, Actor actor, int count = 50) =>
        reader.All<DiceRoll>()
            .Where(r => actor.IsMaster || r.Public ||
                        string.Equals(r.AskedBy, actor.UserName, StringComparison.OrdinalIgnoreCase) ||
                        (r.Creature is { } c && Control.MayAct(reader, actor, c)))
            .OrderBy(r => r.Sequence)
            .TakeLast(Math.Clamp(count, 0, 1000))
            .ToList();

    private static bool MaySee(IModelReader reader, Actor actor, Creature creature) =>
        Control.MayAct(reader, actor, creature.Id) || Visibility.UserSees(reader, actor.UserName, creature.Scene, creature.Position);

    private string? WhyNot(ActionContext context, CoreAction action)
    {
        var creature = context.Actor;
        if (!creature.CanAct()) return $"{creature.Name} cannot act ({creature.Health()})";
        if (context.InCombat)
        {
            if (!context.Tracker.IsTurnOf(creature.Id)) return $"it is not {creature.Name}'s turn";
            if (Workflow.CurrentStep(context.Reader) is not TurnStep turn || turn.Creature != creature.Id)
                return "wait: something else is resolving first";
            if (!context.Budget.CanAfford(action.Time)) return $"{creature.Name} has no {action.Time} action left this turn";
        }
        else if (!action.IsHarmless)
        {
            return "out of combat only harmless actions are allowed (a game master starts combat)";
        }
        return action.Unavailable(context);
    }

    private RuleResult AnswerTurn(Transaction tx, Actor actor, EntityId creature, TurnDecision decision)
    {
        if (!Control.MayAct(tx, actor, creature)) return RuleResult.Refused($"{actor.UserName} does not play that creature");
        if (!TurnTracker.Of(tx).IsTurnOf(creature)) return RuleResult.Refused("it is not that creature's turn");
        if (Workflow.Pending(tx, Actor.System, creature).OfType<ActNowPrerequisite>().FirstOrDefault() is not { } prompt)
            return RuleResult.Refused("wait: an action is still resolving");
        // Through SetPrerequisites, as a client's answer goes: one place holds the rules on answers (a delay after acting).
        var result = SetPrerequisites(tx, actor, [new PrerequisiteAnswer(prompt.Step, prompt.Id, new TurnAnswer(decision))])[0];
        return result.Accepted ? RuleResult.Done() : RuleResult.Refused(result.Error!);
    }

    private static string? CheckCombatants(IModelReader reader, IReadOnlyCollection<EntityId> creatures)
    {
        if (creatures is null || creatures.Count == 0) return "name at least one creature";
        foreach (var id in creatures)
        {
            if (reader.Find<Creature>(id) is not { } creature) return $"there is no creature {id}";
            if (creature.Health() == Health.Dead) return $"{creature.Name} is dead";
        }
        return null;
    }
}
