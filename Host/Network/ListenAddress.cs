using System.Globalization;
using System.Net;

namespace Ikosa.Host.Network;

/// <summary>
/// One place the host listens, as the game master writes it (<c>--listen</c>): an IP address, <c>localhost</c>, or
/// <c>*</c> for every IPv4 interface (<c>[::]</c> for every interface, IPv6 and IPv4), with a port or not (then the
/// configured one, or <c>--port</c>'s).
/// </summary>
public sealed record ListenAddress(IPAddress Address, int? Port, string Host)
{
    public const string EveryInterface = "*";

    /// <summary>Only this machine can reach it: 127.0.0.0/8, ::1, localhost.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>0.0.0.0 or [::]: every interface, loopback included.</summary>
    public bool IsEveryInterface => Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any);

    /// <summary>The address for an endpoint listening here, from the configured one: host and port replaced.</summary>
    public Uri Apply(Uri configured, int? port) =>
        new UriBuilder(configured) { Host = Host, Port = Port ?? port ?? configured.Port }.Uri;

    /// <summary>The address a configured endpoint listens on (its host: an IP address, localhost, or a name for every interface).</summary>
    public static ListenAddress Of(Uri endpoint) => endpoint.HostNameType switch
    {
        UriHostNameType.IPv4 or UriHostNameType.IPv6 => new ListenAddress(IPAddress.Parse(endpoint.Host.Trim('[', ']')), endpoint.Port, endpoint.Host),
        _ when endpoint.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) => new ListenAddress(IPAddress.Loopback, endpoint.Port, "localhost"),
        // As the listener does (and WCF's strong wildcard): a host name listens on every interface.
        _ => new ListenAddress(IPAddress.Any, endpoint.Port, endpoint.Host),
    };

    /// <exception cref="FormatException">Not ADDRESS[:PORT]; the message says what is expected.</exception>
    public static ListenAddress Parse(string written)
    {
        var text = written.Trim();
        var (host, port) = SplitPort(text, written);
        if (host == EveryInterface)
            return new ListenAddress(IPAddress.Any, port, IPAddress.Any.ToString());
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return new ListenAddress(IPAddress.Loopback, port, "localhost");
        var bare = host.Trim('[', ']');
        if (!IPAddress.TryParse(bare, out var address) || (bare.Contains(':') && !host.StartsWith('[') && port is not null))
            throw Bad(written, $"'{host}' is not an IP address");
        return new ListenAddress(address, port, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString());
    }

    private static (string Host, int? Port) SplitPort(string text, string written)
    {
        if (text.Length == 0)
            throw Bad(written, "it is empty");
        // A bare IPv6 address has colons of its own: a port needs brackets ([::1]:8765).
        var colon = text.LastIndexOf(':');
        var bracketed = text.StartsWith('[');
        var hasPort = colon > 0 && (bracketed ? text[colon - 1] == ']' : text.IndexOf(':') == colon);
        if (!hasPort)
            return (text, null);
        var portText = text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
            throw Bad(written, $"'{portText}' is not a port (0 to 65535)");
        return (text[..colon], port);
    }

    private static FormatException Bad(string written, string why) => new(
        $"Cannot listen on '{written}': {why}. Give ADDRESS[:PORT]: an IP address of this machine (192.168.1.20, [fd00::2]), " +
        "localhost, or * for every interface (quote it in a shell: '*'); the port is the configured one when left out.");

    public override string ToString() => Port is { } port ? $"{Host}:{port}" : Host;
}
