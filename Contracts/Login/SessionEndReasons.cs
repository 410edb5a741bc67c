namespace Ikosa.Contracts;

/// <summary>
/// Reasons the host gives in <c>OnSessionEnded</c> that a client acts on, not only shows: the same words on both sides.
/// </summary>
public static class SessionEndReasons
{
    /// <summary>The host is stopping (Ctrl+C): usually to be started again, so a client may wait for it and log in again.</summary>
    public const string HostShuttingDown = "the host is shutting down";
}
