using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Users;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;

namespace Ikosa.Host.Security;

/// <summary>
/// Stands in front of a service implementation and enforces the <see cref="AuthorizeAttribute"/> of each operation
/// before calling it, so no operation checks access by hand. A refusal is an AccessDeniedFault naming the operation.
/// </summary>
public class AuthorizingProxy<TContract> : DispatchProxy where TContract : class
{
    private static readonly ConcurrentDictionary<MethodInfo, (MethodInfo Target, AuthorizeAttribute Rule)> s_targets = new();
    private BoundService _service = null!;

    public static TContract Create(BoundService service)
    {
        var proxy = Create<TContract, AuthorizingProxy<TContract>>();
        ((AuthorizingProxy<TContract>)(object)proxy)._service = service;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(method);
        var (target, rule) = s_targets.GetOrAdd(method, Resolve);
        Check(method, target, rule, args ?? []);
        try
        {
            return target.Invoke(_service, args);
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(error.InnerException).Throw();
            throw;
        }
    }

    private (MethodInfo, AuthorizeAttribute) Resolve(MethodInfo method)
    {
        var map = _service.GetType().GetInterfaceMap(typeof(TContract));
        var target = map.TargetMethods[Array.IndexOf(map.InterfaceMethods, method)];
        var rule = target.GetCustomAttribute<AuthorizeAttribute>()
            ?? throw new InvalidOperationException($"{target.DeclaringType!.Name}.{target.Name} declares no [Authorize]: every operation must say who may call it.");
        return (target, rule);
    }

    private void Check(MethodInfo method, MethodInfo target, AuthorizeAttribute rule, object?[] args)
    {
        if (rule.Access == Access.Anyone)
            return;
        var client = _service.Client ?? throw Denied(method, "log in (or bind this channel with your ticket) first");
        // A channel stays bound to the login it was bound to; once that login ends, the channel opens nothing.
        if (_service.Game.Sessions.FindByTicket(client.Ticket) != client)
            throw Denied(method, "this login has ended (logged out, replaced by a newer login, or ended by the game master); log in again");
        var actor = client.Actor;
        switch (rule.Access)
        {
            case Access.Master when !actor.IsMaster:
                throw Denied(method, "only a game master may do this");
            case Access.ControlsCreature when !actor.IsMaster:
                var creature = CreatureArgument(target, rule, args);
                if (creature is { } id && !_service.Game.Read(client.Ticket, tx => Control.MayAct(tx, actor, id)))
                    throw Denied(method, $"{actor.UserName} does not control creature {id}");
                break;
        }
    }

    private static EntityId? CreatureArgument(MethodInfo target, AuthorizeAttribute rule, object?[] args)
    {
        var index = Array.FindIndex(target.GetParameters(), p => p.Name == rule.Creature);
        if (index < 0)
            throw new InvalidOperationException($"{target.Name}: [Authorize] names the creature parameter '{rule.Creature}', which it does not have.");
        return args[index] switch
        {
            Guid id => new EntityId(id),
            ActivityInfo activity => new EntityId(activity.Creature),
            null => null,
            var other => throw new InvalidOperationException($"{target.Name}: cannot read a creature from a {other.GetType().Name}."),
        };
    }

    private static FaultException<AccessDeniedFault> Denied(MethodInfo method, string reason) =>
        new(new AccessDeniedFault { Operation = method.Name, Reason = reason }, $"{method.Name} refused: {reason}");
}
