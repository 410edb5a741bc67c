using System.Net;

namespace Ikosa.ServiceModel.Server;

/// <summary>
/// How many of something (opening connections, unauthenticated sessions) each remote address holds, with a cap per
/// address. Addresses holding nothing are forgotten, so the table is as large as the addresses holding something now.
/// </summary>
internal sealed class PerAddressCounts
{
    private readonly Dictionary<IPAddress, int> _counts = new();
    private int _total;

    public int Total
    {
        get
        {
            lock (_counts)
                return _total;
        }
    }

    public int CountOf(IPAddress address)
    {
        lock (_counts)
            return _counts.GetValueOrDefault(address);
    }

    /// <summary>Counts one more for <paramref name="address"/> unless it already holds <paramref name="perAddressLimit"/> or all hold <paramref name="totalLimit"/>.</summary>
    public AddressAdmission TryAdd(IPAddress address, int perAddressLimit, int totalLimit = int.MaxValue)
    {
        lock (_counts)
        {
            var mine = _counts.GetValueOrDefault(address);
            // The address's own share is checked first: a peer over it is refused without taking a place from the total.
            if (mine >= perAddressLimit)
                return AddressAdmission.AddressFull;
            if (_total >= totalLimit)
                return AddressAdmission.TotalFull;
            _counts[address] = mine + 1;
            _total++;
            return AddressAdmission.Admitted;
        }
    }

    public void Remove(IPAddress address)
    {
        lock (_counts)
        {
            if (!_counts.TryGetValue(address, out var mine))
                return;
            _total--;
            if (mine <= 1)
                _counts.Remove(address);
            else
                _counts[address] = mine - 1;
        }
    }
}

internal enum AddressAdmission
{
    Admitted,
    AddressFull,
    TotalFull,
}
