namespace Ikosa.Bench.Game;

/// <summary>The last serial each client has received, and a wait for all of them to reach one.</summary>
internal sealed class DeliveryTracker(int clients)
{
    private readonly long[] _last = new long[clients];
    private readonly object _gate = new();

    public void Received(int client, long serial)
    {
        lock (_gate)
        {
            _last[client] = Math.Max(_last[client], serial);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>True when every client has received <paramref name="serial"/> (or later) within <paramref name="timeout"/>.</summary>
    public bool WaitForAll(long serial, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (_last.Min() < serial)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                    return _last.Min() >= serial;
            }
            return true;
        }
    }
}
