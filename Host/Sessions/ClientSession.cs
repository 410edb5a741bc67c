using Ikosa.Contracts;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Workflow;
using Ikosa.Host.Mapping;

namespace Ikosa.Host.Sessions;

/// <summary>
/// One login of one user: its ticket, its identity, and the login channel its batches go out on. The engine feeds it
/// batches in commit order; it survives a dropped connection for a grace period so the client can resume.
/// </summary>
public sealed class ClientSession : IRecipientConnection
{
    private ILoginCallback? _callback;

    public ClientSession(string ticket, Actor actor)
    {
        Ticket = ticket;
        Actor = actor;
    }

    public string Ticket { get; }

    public Actor Actor { get; }

    public string UserName => Actor.UserName;

    /// <summary>When the login channel dropped, or null while connected.</summary>
    public DateTimeOffset? DroppedAt { get; private set; }

    /// <summary>The serial of the last batch handed to the channel.</summary>
    public long LastSentSerial { get; private set; }

    /// <summary>Raised when the engine gives up on a slow client, with its reason.</summary>
    public event Action<ClientSession, string>? CutOff;

    public void Attach(ILoginCallback callback)
    {
        _callback = callback;
        DroppedAt = null;
    }

    /// <summary>True while <paramref name="callback"/> is the channel batches go out on.</summary>
    public bool IsCurrent(ILoginCallback callback) => ReferenceEquals(_callback, callback);

    public void MarkDropped(DateTimeOffset at)
    {
        _callback = null;
        DroppedAt = at;
    }

    /// <summary>Tells the client it must refetch its state: the batches it missed are no longer kept.</summary>
    public Task SendRefetchAsync(long serial) =>
        _callback?.OnBatchAsync(new BatchInfo { Serial = serial, Refetch = true }) ?? Task.CompletedTask;

    /// <summary>Tells the client its session is over (kicked, replaced, logged out) and lets go of its channel.</summary>
    public async Task EndAsync(string reason)
    {
        var callback = _callback;
        _callback = null;
        if (callback is null)
            return;
        var channel = (ServiceModel.ICommunicationObject)callback;
        try
        {
            await callback.OnSessionEndedAsync(reason).ConfigureAwait(false);
            await channel.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is ServiceModel.CommunicationException or InvalidOperationException or TimeoutException)
        {
            channel.Abort();
        }
    }

    /// <summary>Drops the login channel at once, without a goodbye: for a client that has stopped reading.</summary>
    public void AbortChannel()
    {
        if (_callback is ServiceModel.ICommunicationObject channel)
            channel.Abort();
    }

    public ValueTask SendAsync(NotificationBatch batch)
    {
        var callback = _callback ?? throw new InvalidOperationException($"{UserName} has no open login channel.");
        LastSentSerial = batch.Serial;
        return new ValueTask(callback.OnBatchAsync(NotificationMapper.ToInfo(batch)));
    }

    public void Disconnect(string reason) => CutOff?.Invoke(this, reason);
}
