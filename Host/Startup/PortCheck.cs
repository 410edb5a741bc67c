using System.Net;
using System.Net.Sockets;

namespace Ikosa.Host.Startup;

/// <summary>
/// Checks, before anything is created, that the ports the host will listen on are free: a busy port is found while the
/// game file is still untouched, so a failed start never makes a new game whose first passwords nobody saw.
/// </summary>
public static class PortCheck
{
    /// <exception cref="HostStartException">A port is in use.</exception>
    public static void EnsureFree(IEnumerable<Uri> addresses)
    {
        foreach (var address in addresses.DistinctBy(a => (a.Host, a.Port)))
        {
            if (address.Port == 0)
                continue;
            using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
            // As the listener does: connections of an earlier run still in TIME_WAIT do not make the port busy.
            probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            try
            {
                probe.Bind(new IPEndPoint(ListenAddress(address.Host), address.Port));
            }
            catch (SocketException error) when (error.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                throw new HostStartException(
                    $"Cannot listen on {address.Host}:{address.Port}: " +
                    (error.SocketErrorCode == SocketError.AccessDenied ? "this user may not use that port" : "another program (another Ikosa Host?) is using it") +
                    ". Stop that program, or start with --port N (--port 0 picks a free port).");
            }
        }
    }

    // The listener's own rule (NetTcpListener): localhost is loopback, * and + are every interface, a name is every interface.
    private static IPAddress ListenAddress(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        _ when IPAddress.TryParse(host, out var address) => address,
        _ => IPAddress.Any,
    };
}
