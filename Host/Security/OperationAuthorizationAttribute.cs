using Ikosa.Contracts;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Description;

namespace Ikosa.Host.Security;

/// <summary>
/// The service behavior that makes every operation of a <see cref="BoundService"/> say who may call it: each
/// implementation method must carry an <see cref="AuthorizeAttribute"/> (a service without one is refused when the
/// host opens), and its rule is enforced before the call by an <see cref="AuthorizingInvoker"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class OperationAuthorizationAttribute : Attribute, IServiceBehavior
{
    public void Validate(ServiceRegistration service, ServiceHost host)
    {
        if (!typeof(BoundService).IsAssignableFrom(service.ServiceType))
            throw new InvalidOperationException($"{service.ServiceType.Name}: operation authorization needs a BoundService (the login a channel is bound to).");
        foreach (var operation in service.DispatchOperations)
        {
            var (rule, _) = RuleOf(operation.ImplementationMethod);
            if (rule.Access != Access.Anyone)
                FaultDeclarations.Require(operation, typeof(AccessDeniedFault), $"may be refused ([Authorize({rule.Access})])");
        }
    }

    public void ApplyDispatchBehavior(ServiceRegistration service, ServiceHost host)
    {
        foreach (var operation in service.DispatchOperations)
        {
            var (rule, creatureArgument) = RuleOf(operation.ImplementationMethod);
            if (rule.Access != Access.Anyone)
                operation.Invoker = new AuthorizingInvoker(operation.Name, rule, creatureArgument, operation.Invoker);
        }
    }

    /// <summary>The method's rule and, for ControlsCreature, the position of the argument naming the creature.</summary>
    private static (AuthorizeAttribute Rule, int CreatureArgument) RuleOf(System.Reflection.MethodInfo method)
    {
        var name = $"{method.DeclaringType!.Name}.{method.Name}";
        var rule = method.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).OfType<AuthorizeAttribute>().SingleOrDefault()
            ?? throw new InvalidOperationException($"{name} declares no [Authorize]: every operation must say who may call it.");
        if (rule.Access != Access.ControlsCreature)
            return (rule, -1);
        var parameter = method.GetParameters().FirstOrDefault(p => p.Name == rule.Creature)
            ?? throw new InvalidOperationException($"{name}: [Authorize] names the creature parameter '{rule.Creature}', which it does not have.");
        if (!AuthorizingInvoker.NamesCreature(parameter.ParameterType))
            throw new InvalidOperationException($"{name}: cannot read a creature from parameter '{parameter.Name}' of type {parameter.ParameterType.Name}.");
        return (rule, parameter.Position);
    }
}
