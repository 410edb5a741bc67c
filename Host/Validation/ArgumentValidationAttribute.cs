using Ikosa.Contracts;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Description;

namespace Ikosa.Host.Validation;

/// <summary>
/// The service behavior that checks every operation's arguments against what its contract declares before the operation
/// runs (<see cref="ArgumentInspector"/>): a refusal is an InvalidArgumentFault naming the argument, and nothing runs.
/// An operation with an argument that can be refused must declare that fault, or the host does not open.
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
            if (rules.CanRefuse)
                operation.ParameterInspectors.Add(new ArgumentInspector(rules));
        }
    }
}
