namespace Ikosa.ServiceModel.Description;

/// <summary>
/// WCF's IServiceBehavior: extends a service when its host opens. <see cref="Validate"/> may refuse the service (the
/// host then does not open); <see cref="ApplyDispatchBehavior"/> changes how its calls run, typically by wrapping each
/// <see cref="Dispatcher.DispatchOperation.Invoker"/> or adding <see cref="Dispatcher.DispatchOperation.ParameterInspectors"/>.
/// Add one to <see cref="ServiceRegistration.Behaviors"/>, or declare it as an attribute on the service class (inherited
/// attributes count, as in WCF).
/// </summary>
public interface IServiceBehavior
{
    /// <summary>Throw (InvalidOperationException, naming what is wrong) to refuse the service before anything is listening.</summary>
    void Validate(ServiceRegistration service, ServiceHost host);

    /// <summary>Runs once per opening, after every behavior validated, with <see cref="ServiceRegistration.DispatchOperations"/> built.</summary>
    void ApplyDispatchBehavior(ServiceRegistration service, ServiceHost host);
}
