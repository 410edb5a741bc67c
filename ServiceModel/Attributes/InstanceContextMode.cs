namespace Ikosa.ServiceModel;

/// <summary>How many service instances serve the calls: one per session, one per call, or one for all.</summary>
public enum InstanceContextMode
{
    PerSession,
    PerCall,
    Single,
}
