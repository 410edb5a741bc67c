using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Ikosa.Host.Network;

/// <summary>
/// How players on other machines may reach this one: its host name and the addresses of its network interfaces that
/// are up, loopback and IPv6 link-local ones left out (a link-local address needs the player's interface to be named).
/// </summary>
public sealed record LocalNetwork(string HostName, IReadOnlyList<IPAddress> Addresses)
{
    public static LocalNetwork Discover()
    {
        var addresses = new List<IPAddress>();
        try
        {
            foreach (var face in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (face.OperationalStatus is not (OperationalStatus.Up or OperationalStatus.Unknown) || face.NetworkInterfaceType == NetworkInterfaceType.Loopback)
                    continue;
                addresses.AddRange(face.GetIPProperties().UnicastAddresses.Select(u => u.Address).Where(IsReachableFromOthers));
            }
        }
        catch (NetworkInformationException)
        {
            // No interfaces to list (a sandbox): the host name is still worth printing.
        }
        return new LocalNetwork(HostNameOrLocalhost(), addresses.Distinct().OrderBy(a => a.AddressFamily == AddressFamily.InterNetworkV6).ToList());
    }

    /// <summary>
    /// The address an invite names when the host listens on every interface: an IPv4 address first (what a home network
    /// routes), else any other, else the host name.
    /// </summary>
    public string PreferredHost()
    {
        var preferred = Addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? Addresses.FirstOrDefault();
        return preferred is null ? HostName : UriHost(preferred);
    }

    public static string UriHost(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private static bool IsReachableFromOthers(IPAddress address) =>
        !IPAddress.IsLoopback(address) && !address.IsIPv6LinkLocal && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;

    private static string HostNameOrLocalhost()
    {
        try
        {
            return Dns.GetHostName();
        }
        catch (SocketException)
        {
            return "localhost";
        }
    }
}
