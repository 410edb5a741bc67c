namespace Ikosa.ServiceModel.Channels;

/// <summary>How a session's receive loop ended.</summary>
internal enum SessionEndKind
{
    /// <summary>The peer sent End: it will send nothing more on this session.</summary>
    PeerEnded,

    /// <summary>The connection closed with no End record (abort, crash).</summary>
    ConnectionLost,

    /// <summary>The peer broke the protocol, sent a framing fault, or a local error ended the session.</summary>
    Faulted,

    /// <summary>The session was aborted locally or timed out while idle.</summary>
    Aborted,
}

internal sealed record SessionEnd(SessionEndKind Kind, Exception? Error = null)
{
    public static readonly SessionEnd PeerEnded = new(SessionEndKind.PeerEnded);
}
