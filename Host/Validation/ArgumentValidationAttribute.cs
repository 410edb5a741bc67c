using Ikosa.Contracts;
using Ikosa.Host.Security;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Description;

namespace Ikosa.Host.Validation;

/// <summary>
/// The service behavior that checks every operation's arguments against what its contract declares before the operation
/// runs (<see cref="ArgumentCheckingInvoker"/>): a refusal is an InvalidArgumentFault naming the argument, and nothing runs.
/// The check runs after authorization (<see cref="OperationAuthorizationAttribute"/>), whichever behavior applies first:
/// who may make a call comes before what they sent. An operation with an argument that can be refused must declare that
/// fault, or the host does not open.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ArgumentValidationAttribute : Attribute, IServiceBehavior
{
    public void Validate(ServiceRegistration service, ServiceHost host)
    {
        foreach (var operation in service.DispatchOperations.Where(o => ArgumentRules.For(o.Description).CanRefuse))
            FaultDeclarations.Require(operation, typeof(InvalidArgumentFault), "takes arguments that may be refused");
    }

    public void ApplyDispatchBehavior(ServiceRegistration service, ServiceHost host)
    {
        foreach (var operation in service.DispatchOperations)
        {
            var rules = ArgumentRules.For(operation.Description);
            if (!rules.CanRefuse)
                continue;
            operation.Invoker = operation.Invoker is AuthorizingInvoker authorizing
                ? authorizing.Around(new ArgumentCheckingInvoker(operation.Name, rules, authorizing.Inner))
                : new ArgumentCheckingInvoker(operation.Name, rules, operation.Invoker);
        }
    }
}
