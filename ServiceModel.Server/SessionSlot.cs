using System.Net;

namespace Ikosa.ServiceModel.Server;

/// <summary>
/// A session's place in its service: counted against maxConcurrentSessions while it lasts, and against the remote
/// address's share of unauthenticated sessions until the service marks it authenticated.
/// </summary>
internal sealed class SessionSlot(ServiceRegistration service, IPAddress address) : IDisposable
{
    private const int Unauthenticated = 0, Authenticated = 1, Released = 2;
    private int _state;
    private int _disposed;

    public IPAddress Address => address;

    public bool IsAuthenticated => Volatile.Read(ref _state) == Authenticated;

    /// <summary>True the first time: the session no longer counts as unauthenticated.</summary>
    public bool MarkAuthenticated()
    {
        if (Interlocked.CompareExchange(ref _state, Authenticated, Unauthenticated) != Unauthenticated)
            return false;
        service.UnauthenticatedSessions.Remove(address);
        return true;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        if (Interlocked.CompareExchange(ref _state, Released, Unauthenticated) == Unauthenticated)
            service.UnauthenticatedSessions.Remove(address);
        service.ExitSession();
    }
}
