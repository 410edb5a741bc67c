namespace Ikosa.Engine.Notifications;

/// <summary>
/// Implemented by the host for each connected session: the engine's outbound queue for a recipient
/// hands it batches, one at a time and in commit order. The engine knows no sockets.
/// </summary>
public interface IRecipientConnection
{
    /// <summary>
    /// Sends one batch to the client. The next batch is not handed over until this completes, so a
    /// slow send makes later batches wait (and be coalesced) in the engine's bounded queue. Throwing
    /// means the connection is dead: the recipient is detached. Must not block: return a pending task
    /// (e.g. the session's socket write) rather than wait, because one loop feeds every recipient.
    /// </summary>
    ValueTask SendAsync(NotificationBatch batch);

    /// <summary>
    /// The engine gave up on this connection (it stayed over its queue bound); close the session.
    /// Called once, off the committing thread; must not block for long.
    /// </summary>
    void Disconnect(string reason);
}
