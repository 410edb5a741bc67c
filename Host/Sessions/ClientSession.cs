using Ikosa.Contracts;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Workflow;
using Ikosa.Host.Mapping;

namespace Ikosa.Host.Sessions;

/// <summary>
/// One login of one user: its ticket, its identity, the login channel its batches go out on, and the other channels
/// bound to it (game, visualization, master). The engine feeds it batches in commit order; it survives a dropped
/// connection for a grace period so the client can resume. When it ends, every channel it has is told and closed.
/// </summary>
public sealed class ClientSession : IRecipientConnection
{
    private readonly object _gate = new();
    private readonly List<BoundChannel> _bound = new();
    private readonly NotificationMapper _notifications;
    private ILoginCallback? _callback;
    private int _ended;

    public ClientSession(string ticket, Actor actor, NotificationMapper notifications)
    {
        Ticket = ticket;
        Actor = actor;
        _notifications = notifications;
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

    /// <summary>The end of the grace period that started when the login channel last dropped (done when it has run out).</summary>
    public Task SeatExpiry { get; set; } = Task.CompletedTask;

    /// <summary>Marks the login ended; false when it already was.</summary>
    public bool MarkEnded() => Interlocked.Exchange(ref _ended, 1) == 0;

    public void MarkDropped(DateTimeOffset at)
    {
        _callback = null;
        DroppedAt = at;
    }

    /// <summary>Tells the client it must refetch its state: the batches it missed are no longer kept.</summary>
    public Task SendRefetchAsync(long serial) =>
        _callback?.OnBatchAsync(new BatchInfo { Serial = serial, Refetch = true }) ?? Task.CompletedTask;

    /// <summary>
    /// A channel bound to this login with its ticket; <paramref name="tellEnded"/> sends its callback contract's
    /// OnSessionEnded. A channel that closes first is forgotten.
    /// </summary>
    public void AddChannel(ServiceModel.ICommunicationObject channel, Func<string, Task> tellEnded)
    {
        var bound = new BoundChannel(channel, tellEnded);
        lock (_gate)
            _bound.Add(bound);
        channel.Closed += (_, _) => RemoveChannel(channel);
    }

    /// <summary>The channel is bound to another login now, or closed.</summary>
    public void RemoveChannel(ServiceModel.ICommunicationObject channel)
    {
        lock (_gate)
            _bound.RemoveAll(b => ReferenceEquals(b.Channel, channel));
    }

    /// <summary>How long each channel's goodbye may take to go out; a client that does not take it in time is dropped.</summary>
    public static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Tells the client on every channel of this login that its session is over (kicked, replaced, logged out, host
    /// shutting down) and closes them, the login channel first — never waiting on the client: each goodbye gets
    /// <see cref="GoodbyeTimeout"/>, and a channel whose client does not take it (it stopped reading) is dropped. The login
    /// is let go of at once; the task ends when the goodbyes are done (shutdown waits for it, a kick does not).
    /// </summary>
    public Task EndAsync(string reason)
    {
        var login = Interlocked.Exchange(ref _callback, null);
        List<BoundChannel> channels;
        lock (_gate)
        {
            channels = [.. _bound];
            _bound.Clear();
        }
        if (login is not null)
            channels.Insert(0, new BoundChannel((ServiceModel.ICommunicationObject)login, login.OnSessionEndedAsync));
        return SayGoodbyeAsync(channels, reason);
    }

    private static async Task SayGoodbyeAsync(List<BoundChannel> channels, string reason)
    {
        foreach (var channel in channels)
            await channel.EndAsync(reason).ConfigureAwait(false);
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
        return new ValueTask(callback.OnBatchAsync(_notifications.ToInfo(batch)));
    }

    public void Disconnect(string reason) => CutOff?.Invoke(this, reason);

    /// <summary>A channel of this login and how to tell it the session ended.</summary>
    private sealed record BoundChannel(ServiceModel.ICommunicationObject Channel, Func<string, Task> TellEnded)
    {
        public async Task EndAsync(string reason)
        {
            try
            {
                await TellEnded(reason).WaitAsync(GoodbyeTimeout).ConfigureAwait(false);
                await Channel.CloseAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (error is ServiceModel.CommunicationException or InvalidOperationException or TimeoutException)
            {
                Channel.Abort();
            }
        }
    }
}
