namespace Ikosa.ServiceModel;

/// <summary>What every channel offers, as in WCF: open, close politely, abort, and say its state.</summary>
public interface ICommunicationObject
{
    CommunicationState State { get; }

    event EventHandler? Closed;

    event EventHandler? Faulted;

    void Open();

    void Open(TimeSpan timeout);

    Task OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Ends the session politely: waits for calls in flight, sends End and waits for the peer's End.</summary>
    void Close();

    void Close(TimeSpan timeout);

    Task CloseAsync(CancellationToken cancellationToken = default);

    /// <summary>Drops the connection at once, failing whatever is in flight.</summary>
    void Abort();
}

/// <summary>A client proxy's channel side: the session it runs on.</summary>
public interface IClientChannel : ICommunicationObject, IDisposable
{
    /// <summary>The session's id, the same on both sides' OperationContext only by convention; unique per channel.</summary>
    string? SessionId { get; }
}
