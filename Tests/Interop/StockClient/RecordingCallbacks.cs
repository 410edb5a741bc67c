using Ikosa.Contracts;

namespace Ikosa.Tests.Interop.StockClient;

/// <summary>
/// One user's callback object for all four channels: every batch and every OnSessionEnded the host sent, in arrival
/// order, with bounded waits for what a test expects to arrive. Single: WCF dispatches one callback at a time, in the
/// order they arrived (Multiple let two batches be recorded in either order).
/// </summary>
[CallbackBehavior(UseSynchronizationContext = false, ConcurrencyMode = ConcurrencyMode.Single)]
public sealed class RecordingCallbacks : ILoginCallback, IGameCallback, IVisualizationCallback, IMasterCallback
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);
    private readonly object _gate = new();
    private readonly List<BatchInfo> _batches = new();
    private readonly List<(string Contract, string Reason)> _sessionEnded = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = new();

    public IReadOnlyList<BatchInfo> Batches
    {
        get
        {
            lock (_gate)
                return _batches.ToList();
        }
    }

    public IReadOnlyList<NotificationInfo> Notifications => Batches.SelectMany(b => b.Items).ToList();

    /// <summary>Which callback contract each OnSessionEnded came on, and its reason.</summary>
    public IReadOnlyList<(string Contract, string Reason)> SessionEnded
    {
        get
        {
            lock (_gate)
                return _sessionEnded.ToList();
        }
    }

    public long LastSerial => Batches.Select(b => b.Serial).DefaultIfEmpty(0).Max();

    public Task OnBatchAsync(BatchInfo batch)
    {
        Record(() => _batches.Add(batch));
        return Task.CompletedTask;
    }

    Task ILoginCallback.OnSessionEndedAsync(string reason)
    {
        Record(() => _sessionEnded.Add((nameof(ILoginCallback), reason)));
        return Task.CompletedTask;
    }

    Task IGameCallback.OnSessionEndedAsync(string reason)
    {
        Record(() => _sessionEnded.Add((nameof(IGameCallback), reason)));
        return Task.CompletedTask;
    }

    Task IVisualizationCallback.OnSessionEndedAsync(string reason)
    {
        Record(() => _sessionEnded.Add((nameof(IVisualizationCallback), reason)));
        return Task.CompletedTask;
    }

    Task IMasterCallback.OnSessionEndedAsync(string reason)
    {
        Record(() => _sessionEnded.Add((nameof(IMasterCallback), reason)));
        return Task.CompletedTask;
    }

    /// <summary>The first notification of type <typeparamref name="T"/> (received already, or within the timeout) that satisfies <paramref name="match"/>.</summary>
    public async Task<T> WaitForNotificationAsync<T>(Func<T, bool> match) where T : NotificationInfo
    {
        await WaitUntilAsync(() => _batches.SelectMany(b => b.Items).OfType<T>().Any(match), $"a {typeof(T).Name}");
        return Notifications.OfType<T>().First(match);
    }

    /// <summary>The reason of the first OnSessionEnded on <paramref name="contract"/>'s callback (received already, or within the timeout).</summary>
    public async Task<string> WaitForSessionEndedAsync(string contract = nameof(ILoginCallback))
    {
        await WaitUntilAsync(() => _sessionEnded.Any(e => e.Contract == contract), $"OnSessionEnded on the {contract}");
        return SessionEnded.First(e => e.Contract == contract).Reason;
    }

    /// <summary>Completes once this user has received the batch of commit <paramref name="serial"/> or a later one.</summary>
    public Task WaitForSerialAsync(long serial) => WaitUntilAsync(() => _batches.Any(b => b.Serial >= serial), $"the batch of serial {serial}");

    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        Task done;
        lock (_gate)
        {
            if (condition())
                return;
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, waiter));
            done = waiter.Task;
        }
        try
        {
            await done.WaitAsync(WaitTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{what} did not arrive within {WaitTimeout}; received: " +
                string.Join(", ", Notifications.Select(n => $"{n.Kind} ({n.GetType().Name})")));
        }
    }

    private void Record(Action add)
    {
        lock (_gate)
        {
            add();
            foreach (var waiter in _waiters.Where(w => w.Condition()).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
