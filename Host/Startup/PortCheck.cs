using System.Net;
using System.Net.Sockets;

namespace Ikosa.Host.Startup;

/// <summary>
/// Checks, before anything is created, that the host can listen where it will: the ports free, the addresses this
/// machine's. A problem is found while the game file is still untouched, so a failed start never makes a new game whose
/// first passwords nobody saw.
/// </summary>
public static class PortCheck
{
    /// <exception cref="HostStartException">A port is in use, or an address is not this machine's (checked for port 0 too).</exception>
    public static void EnsureFree(IEnumerable<Uri> addresses)
    {
        foreach (var address in addresses.DistinctBy(a => (a.Host, a.Port)))
        {
            using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
            // As the listener does: connections of an earlier run still in TIME_WAIT do not make the port busy.
            probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            try
            {
                probe.Bind(new IPEndPoint(ListenAddress(address.Host), address.Port));
            }
            catch (SocketException error) when (error.SocketErrorCode == SocketError.AddressNotAvailable)
            {
                throw new HostStartException(
                    $"Cannot listen on {address.Host}: it is not an address of this machine. Give one of its own addresses " +
                    "(ip addr, ipconfig), or * for every interface.");
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
