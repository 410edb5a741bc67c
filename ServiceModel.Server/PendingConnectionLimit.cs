using System.Net;

namespace Ikosa.ServiceModel.Server;

/// <summary>
/// Connections still opening: accepted, their preamble (and TLS handshake) not yet done. Limited in total — the
/// binding's MaxConnections, as WCF means it — and per remote address (MaxPendingConnectionsPerAddress), so that one
/// peer holding many silent or trickling sockets cannot take everyone's place. A connection beyond either limit is
/// refused with ServerTooBusy at once; one refused for its address's share takes nothing from the total.
/// </summary>
internal sealed class PendingConnectionLimit(int limit, int perAddressLimit)
{
    private readonly PerAddressCounts _pending = new();

    public int Limit => limit;

    public int PerAddressLimit => perAddressLimit;

    public int Pending => _pending.Total;

    public int PendingFrom(IPAddress address) => _pending.CountOf(address);

    public AddressAdmission TryEnter(IPAddress address) => _pending.TryAdd(address, perAddressLimit, limit);

    public void Exit(IPAddress address) => _pending.Remove(address);
}
