using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Packages;
using Ikosa.Engine.Rules;
using Ikosa.Engine.Store;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Users;
using Ikosa.Tests.Engine;

namespace Ikosa.Tests.Workflow;

/// <summary>
/// A game for one test: a gate over a store (in memory unless given), the rules with scripted dice,
/// a manual clock, and every notification recorded per recipient. The budget is unlimited so that a
/// slow machine never makes a test retry (and re-roll) a transaction.
/// </summary>
public sealed class TestGame : IDisposable
{
    public const string Master = "gm";

    private readonly IModelStore _store;

    /// <param name="package">a rule package played with the standard rules, as the host would load it</param>
    public TestGame(IModelStore? store = null, IDiceSource? dice = null, ManualClock? clock = null, RulePackage? package = null)
    {
        Clock = clock ?? new ManualClock();
        Dice = dice ?? new ScriptedDiceSource();
        var rules = RuleSet.Standard();
        GameRules.RegisterTypes(rules.Types, typeof(TestGame).Assembly);
        if (package is not null)
            rules.Add(package);
        Types = rules.Types;
        _store = store ?? new InMemoryStore();
        Gate = new ModelGate(Types, _store, new GateOptions { Budget = Timeout.InfiniteTimeSpan, Time = Clock });
        Gate.AddListener(Notifications);
        Rules = new GameRules(Dice, rules.Book);
        Gate.Write(tx => Rules.Initialize(tx, [Master]));
    }

    public static Actor GameMaster => Actor.Master(Master);

    public EntityTypeRegistry Types { get; }

    public ModelGate Gate { get; }

    public GameRules Rules { get; }

    public IDiceSource Dice { get; }

    public ManualClock Clock { get; }

    public NotificationRecorder Notifications { get; } = new();

    public T Read<T>(Func<Transaction, T> work) => Gate.Read(work);

    public T Write<T>(Func<Transaction, T> work) => Gate.Write(work);

    public void Write(Action<Transaction> work) => Gate.Write(work);

    /// <summary>Says that <paramref name="user"/> plays <paramref name="creature"/> (workflow tests need no creature entity).</summary>
    public void Control(EntityId creature, string user) =>
        Write(tx => tx.Put(new CreatureControl(CreatureControl.KeyFor(creature), creature, [user], user)));

    public void Dispose()
    {
        Gate.Dispose();
        _store.Dispose();
    }
}

/// <summary>Keeps every notification each recipient was sent, in order.</summary>
public sealed class NotificationRecorder : ICommitListener
{
    private readonly List<(string Recipient, Notification Notification)> _sent = new();

    public void OnCommitted(CommittedTransaction commit)
    {
        lock (_sent)
            foreach (var (recipient, items) in commit.Notifications)
                foreach (var item in items) _sent.Add((recipient, item));
    }

    public IReadOnlyList<(string Recipient, Notification Notification)> All
    {
        get { lock (_sent) return _sent.ToList(); }
    }

    public IReadOnlyList<T> To<T>(string recipient) where T : Notification =>
        All.Where(s => s.Recipient == recipient).Select(s => s.Notification).OfType<T>().ToList();

    public void Clear()
    {
        lock (_sent) _sent.Clear();
    }
}
