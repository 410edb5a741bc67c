using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Host.Security;

/// <summary>
/// Enforces one operation's <see cref="AuthorizeAttribute"/> before the operation runs; a refusal is an
/// AccessDeniedFault naming the operation. <see cref="Access.ControlsCreature"/> is left to a <see cref="ControlCheck"/>
/// that the operation's own transaction runs.
/// </summary>
internal sealed class AuthorizingInvoker(string operation, AuthorizeAttribute rule, int creatureArgument, IOperationInvoker inner) : IOperationInvoker
{
    /// <summary>What runs once the caller is authorized.</summary>
    public IOperationInvoker Inner => inner;

    /// <summary>The same rule around <paramref name="other"/>: for a check that must come after authorization.</summary>
    public AuthorizingInvoker Around(IOperationInvoker other) => new(operation, rule, creatureArgument, other);

    public Task<object?> InvokeAsync(object instance, object?[] inputs)
    {
        var service = (BoundService)instance;
        var client = service.Client ?? throw Denied("log in (or bind this channel with your ticket) first");
        // A channel stays bound to the login it was bound to; once that login ends, the channel opens nothing.
        if (service.Game.Sessions.FindByTicket(client.Ticket) != client)
            throw Denied("this login has ended (logged out, replaced by a newer login, or ended by the game master); log in again");
        var actor = client.Actor;
        if (rule.Access == Access.Master && !actor.IsMaster)
            throw Denied("only a game master may do this");
        if (rule.Access == Access.ControlsCreature && !actor.IsMaster && CreatureOf(inputs[creatureArgument]) is { } creature)
            return InvokeCheckingControlAsync(service, new ControlCheck(actor, creature, () => Denied($"{actor.UserName} does not control creature {creature}")), inputs);
        return inner.InvokeAsync(instance, inputs);
    }

    private async Task<object?> InvokeCheckingControlAsync(BoundService service, ControlCheck check, object?[] inputs)
    {
        ControlCheck.Current = check; // flows into the operation; gone when this method returns
        var result = await inner.InvokeAsync(service, inputs).ConfigureAwait(false);
        // An operation that answered without entering the gate (a cached view) is checked now, before its answer leaves.
        if (!check.HasRun)
            await service.CheckAsync(check).ConfigureAwait(false);
        return result;
    }

    /// <summary>The creature an argument names: a Guid, a Guid? (null: none) or an ActivityInfo's actor.</summary>
    public static EntityId? CreatureOf(object? argument) => argument switch
    {
        Guid id => new EntityId(id),
        ActivityInfo activity => new EntityId(activity.Creature),
        _ => null,
    };

    /// <summary>The argument types <see cref="CreatureOf"/> reads.</summary>
    public static bool NamesCreature(Type type) => type == typeof(Guid) || type == typeof(Guid?) || type == typeof(ActivityInfo);

    private FaultException<AccessDeniedFault> Denied(string reason) =>
        new(new AccessDeniedFault { Operation = operation, Reason = reason }, $"{operation} refused: {reason}");
}
