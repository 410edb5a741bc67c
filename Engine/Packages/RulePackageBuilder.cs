using System.Reflection;
using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Packages;

/// <summary>What a <see cref="RulePackage"/> declares in <see cref="RulePackage.Register"/>; checked as a whole when it is added to a <see cref="RuleSet"/>.</summary>
public sealed class RulePackageBuilder
{
    private readonly List<(Type Type, string Name)> _entities = new();
    private readonly List<CoreAction> _actions = new();

    public IReadOnlyList<(Type Type, string Name)> Entities => _entities;

    public IReadOnlyList<CoreAction> Actions => _actions;

    public NotificationContracts Notifications { get; } = new();

    /// <summary>An entity type (a step, a process, a prerequisite, a piece of state), stored under its [EntityName].</summary>
    public RulePackageBuilder Entity<T>() where T : Entity =>
        Entity<T>(typeof(T).GetCustomAttribute<EntityNameAttribute>()?.Name
                   ?? throw new ArgumentException($"{typeof(T).Name} has no [EntityName(\"...\")]; give it one, or its name here"));

    /// <summary>An entity type stored under <paramref name="name"/>.</summary>
    public RulePackageBuilder Entity<T>(string name) where T : Entity
    {
        _entities.Add((typeof(T), name));
        return this;
    }

    /// <summary>An action the host offers (its key must be new).</summary>
    public RulePackageBuilder Action(CoreAction action)
    {
        _actions.Add(action);
        return this;
    }

    /// <summary>A notification and what clients receive for it: a data contract deriving from Ikosa.Contracts.NotificationInfo.</summary>
    public RulePackageBuilder Notification<TNotification, TContract>(Func<TNotification, TContract> toContract, string? kind = null)
        where TNotification : Notification
        where TContract : class
    {
        Notifications.Map(toContract, kind);
        return this;
    }
}
