namespace Ikosa.ServiceModel.Server;

/// <summary>
/// WCF's serviceThrottling maxConcurrentCalls: at most this many operations of one service run at once, across all
/// its sessions; further calls wait (in arrival order) for a slot instead of failing.
/// </summary>
internal sealed class CallThrottle(int maxConcurrentCalls)
{
    private readonly SemaphoreSlim _slots = new(maxConcurrentCalls, maxConcurrentCalls);
    private int _waiting;

    public int MaxConcurrentCalls => maxConcurrentCalls;

    /// <summary>Calls waiting for a slot now (for tests and diagnostics).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async Task<Slot> EnterAsync()
    {
        if (!_slots.Wait(0))
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                await _slots.WaitAsync().ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
        return new Slot(_slots);
    }

    public readonly struct Slot(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
