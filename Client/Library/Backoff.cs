namespace Ikosa.Client.Library;

/// <summary>
/// Waits between attempts that double up to a cap, each drawn at random between half and all of it ("equal jitter"),
/// so that many clients refused or dropped at the same moment do not all come back at the same moment.
/// </summary>
public sealed class Backoff(TimeSpan first, TimeSpan cap, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;
    private TimeSpan _next = first;

    public TimeSpan Next()
    {
        var ceiling = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, cap.Ticks));
        return ceiling / 2 + ceiling / 2 * _random.NextDouble();
    }
}
