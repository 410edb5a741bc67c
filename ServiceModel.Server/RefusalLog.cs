using System.Net;
using Microsoft.Extensions.Logging;

namespace Ikosa.ServiceModel.Server;

/// <summary>
/// Logs refused connections and sessions without flooding the log under attack: the first refusal of an address in
/// an interval is logged as it happens, the rest are counted by reason and summarised in one line per address when
/// the interval ends. At most <see cref="MaxAddressesListed"/> addresses are listed per interval; the others are
/// summed up together.
/// </summary>
internal sealed class RefusalLog : IDisposable
{
    public const int MaxAddressesListed = 64;

    private readonly ILogger _logger;
    private readonly TimeSpan _interval;
    private readonly ITimer? _timer;
    private readonly object _gate = new();
    private Dictionary<IPAddress, Dictionary<Refusal, int>> _counts = new();
    private Dictionary<Refusal, int> _others = new();
    private int _otherAddresses;

    public RefusalLog(ILogger logger, TimeSpan interval, TimeProvider? time = null)
    {
        _logger = logger;
        _interval = interval;
        if (interval > TimeSpan.Zero && interval != Timeout.InfiniteTimeSpan)
            _timer = (time ?? TimeProvider.System).CreateTimer(_ => Flush(), null, interval, interval);
    }

    /// <summary>Counts a refusal; logs it when it is the address's first in this interval.</summary>
    public void Record(IPAddress address, Refusal refusal, string? detail = null)
    {
        bool first;
        lock (_gate)
        {
            if (_counts.TryGetValue(address, out var byReason))
            {
                first = false;
                byReason[refusal] = byReason.GetValueOrDefault(refusal) + 1;
            }
            else if (_counts.Count < MaxAddressesListed)
            {
                first = true;
                // The first is logged now, so only later ones are counted for the summary.
                _counts[address] = new Dictionary<Refusal, int>();
            }
            else
            {
                first = false;
                _others[refusal] = _others.GetValueOrDefault(refusal) + 1;
                _otherAddresses++;
            }
        }
        if (first)
            _logger.LogInformation("{Address}: refused, {Reason}{Detail}; further refusals of this address are summarised every {Interval}",
                address, refusal.Describe(), detail is null ? "" : $" ({detail})", _interval);
    }

    /// <summary>Logs the interval's summary lines and starts a new interval.</summary>
    public void Flush()
    {
        Dictionary<IPAddress, Dictionary<Refusal, int>> counts;
        Dictionary<Refusal, int> others;
        int otherAddresses;
        lock (_gate)
        {
            (counts, _counts) = (_counts, new());
            (others, _others) = (_others, new());
            (otherAddresses, _otherAddresses) = (_otherAddresses, 0);
        }
        foreach (var (address, byReason) in counts)
        {
            if (byReason.Count > 0)
                _logger.LogWarning("{Address}: {Count} more refusals in the last {Interval}: {Reasons}",
                    address, byReason.Values.Sum(), _interval, Summarise(byReason));
        }
        if (others.Count > 0)
            _logger.LogWarning("{Count} refusals of other addresses in the last {Interval}: {Reasons}",
                otherAddresses, _interval, Summarise(others));
    }

    private static string Summarise(Dictionary<Refusal, int> byReason) =>
        string.Join("; ", byReason.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Value} {pair.Key.Describe()}"));

    public void Dispose()
    {
        _timer?.Dispose();
        Flush();
    }
}
