using System.Reflection;
using Ikosa.Engine.Rules.Magic;

namespace Ikosa.Engine.Rules.Actions;

/// <summary>The actions of the game, by key: the standard d20 set plus any added by extensions.</summary>
public sealed class RuleBook
{
    private readonly Dictionary<string, CoreAction> _actions = new(StringComparer.Ordinal);

    public static RuleBook Standard() => new RuleBook()
        .Add(new MoveAction())
        .Add(new FiveFootStepAction())
        .Add(new MeleeAttackAction())
        .Add(new RangedAttackAction())
        .Add(new DoorAction(open: true))
        .Add(new DoorAction(open: false))
        .Add(new CastFireballAction());

    public IReadOnlyCollection<CoreAction> Actions => _actions.Values;

    public RuleBook Add(CoreAction action)
    {
        if (!_actions.TryAdd(action.Key, action))
            throw new ArgumentException($"an action with key '{action.Key}' is already in the rule book", nameof(action));
        return this;
    }

    /// <summary>Adds every public concrete action in <paramref name="assembly"/> that has a parameterless constructor.</summary>
    public RuleBook AddFrom(Assembly assembly)
    {
        var found = assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && typeof(CoreAction).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (CoreAction)Activator.CreateInstance(t)!)
            .Where(a => !_actions.ContainsKey(a.Key));
        foreach (var action in found) Add(action);
        return this;
    }

    public CoreAction? Find(string key) => _actions.GetValueOrDefault(key);
}
