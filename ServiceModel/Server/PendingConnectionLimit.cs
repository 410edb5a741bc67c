namespace Ikosa.ServiceModel.Server;

/// <summary>
/// The binding's MaxConnections on the server, as WCF means it: how many accepted connections may be pending, i.e.
/// not yet past their first preamble (and TLS handshake). A connection beyond it is refused with ServerTooBusy at once,
/// so a flood of silent or slow peers cannot hold more than this many half-open connections per port.
/// </summary>
internal sealed class PendingConnectionLimit(int limit)
{
    private int _pending;

    public int Limit => limit;

    public int Pending => Volatile.Read(ref _pending);

    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _pending) <= limit)
            return true;
        Interlocked.Decrement(ref _pending);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _pending);
}
