namespace Ikosa.ServiceModel;

/// <summary>Instancing, concurrency and fault-detail settings of a service implementation class.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ServiceBehaviorAttribute : Attribute
{
    public InstanceContextMode InstanceContextMode { get; set; } = InstanceContextMode.PerSession;

    public ConcurrencyMode ConcurrencyMode { get; set; } = ConcurrencyMode.Single;

    /// <summary>Send unhandled exceptions' details (an <see cref="ExceptionDetail"/>) to clients. For debugging only.</summary>
    public bool IncludeExceptionDetailInFaults { get; set; }
}
