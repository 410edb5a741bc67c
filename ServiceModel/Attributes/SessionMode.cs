namespace Ikosa.ServiceModel;

/// <summary>Whether a contract needs a session-aware binding (WCF's meaning; net.tcp always has a session).</summary>
public enum SessionMode
{
    Allowed,
    Required,
    NotAllowed,
}
