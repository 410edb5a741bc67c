using System.Collections.Concurrent;
using System.Diagnostics;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Transactions;

namespace Ikosa.Bench.Game;

/// <summary>
/// When each commit happened (its listener call: durable, lock released) and when each client first held a batch
/// covering it, so the time from commit to the last client's batch can be computed per commit.
/// </summary>
internal sealed class CommitClock : ICommitListener
{
    private readonly ConcurrentDictionary<long, long> _committedAt = new();
    private readonly ConcurrentDictionary<long, long>[] _receivedAt;

    public CommitClock(int clients) =>
        _receivedAt = Enumerable.Range(0, clients).Select(_ => new ConcurrentDictionary<long, long>()).ToArray();

    public void OnCommitted(CommittedTransaction commit) => _committedAt[commit.Serial] = Stopwatch.GetTimestamp();

    /// <summary>Client <paramref name="client"/> received a batch up to <paramref name="serial"/>; batches may be coalesced, so it covers every earlier one too.</summary>
    public void Received(int client, long serial) => _receivedAt[client].TryAdd(serial, Stopwatch.GetTimestamp());

    /// <summary>Milliseconds from commit to the last client's batch, for each commit in <paramref name="serials"/> every client received.</summary>
    public List<double> CommitToLastBatch(IEnumerable<long> serials)
    {
        var received = _receivedAt.Select(r => r.OrderBy(p => p.Key).ToArray()).ToArray();
        var latencies = new List<double>();
        foreach (var serial in serials)
        {
            if (!_committedAt.TryGetValue(serial, out var committed))
                continue;
            var last = long.MinValue;
            foreach (var client in received)
            {
                var covering = FirstCovering(client, serial);
                if (covering is not { } at)
                {
                    last = long.MinValue;
                    break;
                }
                last = Math.Max(last, at);
            }
            if (last != long.MinValue)
                latencies.Add(Stopwatch.GetElapsedTime(committed, last).TotalMilliseconds);
        }
        latencies.Sort();
        return latencies;
    }

    private static long? FirstCovering(KeyValuePair<long, long>[] received, long serial)
    {
        var low = 0;
        var high = received.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (received[middle].Key < serial)
                low = middle + 1;
            else
                high = middle;
        }
        return low < received.Length ? received[low].Value : null;
    }
}
