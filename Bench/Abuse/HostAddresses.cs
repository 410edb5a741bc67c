using Ikosa.Bench.ServiceModel;

namespace Ikosa.Bench.Abuse;

/// <summary>Where the attacked host listens, as it printed it.</summary>
internal static class HostAddresses
{
    public static Uri LoginAddress(this HostChildProcess host) => host.Endpoint("login");

    /// <summary>The base address the client library resolves its endpoints against.</summary>
    public static Uri BaseAddress(this HostChildProcess host) => new(host.LoginAddress(), ".");

    public static int Port(this HostChildProcess host) => host.LoginAddress().Port;
}
