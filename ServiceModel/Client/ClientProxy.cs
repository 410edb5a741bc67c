using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.ServiceModel;

/// <summary>
/// The base of the proxies a channel factory makes: the contract's methods become calls on the session, and the proxy
/// is also its channel (<c>(IClientChannel)proxy</c>), as in WCF.
/// </summary>
public class ClientProxy : ContractProxyBase, IClientChannel
{
    internal Client.ClientSessionChannel? Channel { get; set; }

    private Client.ClientSessionChannel Session => Channel ?? throw new InvalidOperationException("The proxy is not attached to a channel.");

    public CommunicationState State => Session.State;

    public string? SessionId => Session.SessionId;

    public event EventHandler? Closed
    {
        add => Session.Closed += value;
        remove => Session.Closed -= value;
    }

    public event EventHandler? Faulted
    {
        add => Session.Faulted += value;
        remove => Session.Faulted -= value;
    }

    public void Open() => OpenAsync().GetAwaiter().GetResult();

    public void Open(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        OpenAsync(deadline.Token).GetAwaiter().GetResult();
    }

    public Task OpenAsync(CancellationToken cancellationToken = default) => Session.OpenAsync(cancellationToken);

    public void Close() => CloseAsync().GetAwaiter().GetResult();

    public void Close(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        CloseAsync(deadline.Token).GetAwaiter().GetResult();
    }

    public Task CloseAsync(CancellationToken cancellationToken = default) => Session.CloseAsync(cancellationToken);

    public void Abort() => Session.Abort();

    /// <summary>As WCF's proxies: Dispose closes politely when it can and aborts otherwise.</summary>
    public void Dispose()
    {
        if (State == CommunicationState.Faulted)
        {
            Abort();
            return;
        }
        try
        {
            Close();
        }
        catch (Exception error) when (error is CommunicationException or TimeoutException)
        {
            Abort();
        }
    }
}
