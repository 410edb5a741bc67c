using Ikosa.Engine.Notifications;

namespace Ikosa.Tests.Engine;

/// <summary>An in-process recipient that records what it is sent; a test can hold a send open to make it slow.</summary>
public sealed class RecordingConnection : IRecipientConnection
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly List<NotificationBatch> _received = new();
    private readonly TaskCompletionSource<string> _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, each send awaits the task it returns before counting as delivered.</summary>
    public Func<NotificationBatch, Task>? Hold { get; set; }

    public Exception? FailWith { get; set; }

    public Task<string> Disconnected => _disconnected.Task;

    public IReadOnlyList<NotificationBatch> Received
    {
        get
        {
            lock (_received) return _received.ToList();
        }
    }

    public async ValueTask SendAsync(NotificationBatch batch)
    {
        if (FailWith is not null) throw FailWith;
        if (Hold is { } hold) await hold(batch);
        lock (_received)
        {
            _received.Add(batch);
            Monitor.PulseAll(_received);
        }
    }

    public void Disconnect(string reason) => _disconnected.TrySetResult(reason);

    /// <summary>Waits (bounded) until the received batches satisfy <paramref name="done"/>.</summary>
    public IReadOnlyList<NotificationBatch> WaitFor(Func<IReadOnlyList<NotificationBatch>, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        lock (_received)
        {
            while (!done(_received))
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) throw new TimeoutException($"only {_received.Count} batches arrived: {string.Join(", ", _received.Select(b => b.Serial))}");
                Monitor.Wait(_received, left);
            }
            return _received.ToList();
        }
    }

    public IReadOnlyList<NotificationBatch> WaitForSerial(long serial) => WaitFor(r => r.Count > 0 && r[^1].Serial >= serial);
}
