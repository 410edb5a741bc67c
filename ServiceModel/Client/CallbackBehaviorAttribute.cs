namespace Ikosa.ServiceModel;

/// <summary>How a duplex client runs its callbacks: one at a time in order (Single, the default) or in parallel.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CallbackBehaviorAttribute : Attribute
{
    public ConcurrencyMode ConcurrencyMode { get; set; } = ConcurrencyMode.Single;

    public bool IncludeExceptionDetailInFaults { get; set; }
}
