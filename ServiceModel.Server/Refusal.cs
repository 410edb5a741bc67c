namespace Ikosa.ServiceModel.Server;

/// <summary>Why the server turned a connection or session away.</summary>
internal enum Refusal
{
    /// <summary>ServerTooBusy: this address already has MaxPendingConnectionsPerAddress connections opening.</summary>
    PendingFromAddress,

    /// <summary>ServerTooBusy: MaxConnections connections are opening.</summary>
    PendingTotal,

    /// <summary>ServerTooBusy: the service is at maxConcurrentSessions.</summary>
    Sessions,

    /// <summary>ServerTooBusy: this address already has the service's maximum of unauthenticated sessions.</summary>
    UnauthenticatedFromAddress,

    /// <summary>Dropped: no complete preamble within ChannelInitializationTimeout.</summary>
    NoPreambleInTime,

    /// <summary>A framing fault: a preamble the server does not accept.</summary>
    BadPreamble,

    /// <summary>The TLS handshake or the transport failed while the session opened.</summary>
    OpeningFailed,

    /// <summary>Closed: the session was not authenticated within the service's deadline.</summary>
    NotAuthenticatedInTime,
}

internal static class RefusalText
{
    public static string Describe(this Refusal refusal) => refusal switch
    {
        Refusal.PendingFromAddress => "too many connections opening from this address",
        Refusal.PendingTotal => "too many connections opening (MaxConnections)",
        Refusal.Sessions => "the service is at maxConcurrentSessions",
        Refusal.UnauthenticatedFromAddress => "too many unauthenticated sessions from this address",
        Refusal.NoPreambleInTime => "no complete preamble in time (ChannelInitializationTimeout)",
        Refusal.BadPreamble => "a preamble that was refused with a framing fault",
        Refusal.OpeningFailed => "the TLS handshake or the transport failed",
        Refusal.NotAuthenticatedInTime => "not authenticated in time",
        _ => refusal.ToString(),
    };
}
