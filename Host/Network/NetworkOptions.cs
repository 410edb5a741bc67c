using System.Security.Cryptography.X509Certificates;

namespace Ikosa.Host.Network;

/// <summary>
/// What the game master said about the network, on the command line or in the configuration's <c>&lt;appSettings&gt;</c>
/// (<see cref="HostSettings"/>): where to listen, and whether plain net.tcp is allowed where others could read it.
/// </summary>
public sealed record NetworkOptions
{
    /// <summary>Where to listen; empty: where the configured endpoints say (localhost:8765 as shipped).</summary>
    public IReadOnlyList<ListenAddress> Listen { get; init; } = [];

    /// <summary>The port of every address that names none (0 picks a free one); null: the configured port.</summary>
    public int? Port { get; init; }

    /// <summary>Serve plain net.tcp on addresses other machines can reach, instead of TLS.</summary>
    public bool Insecure { get; init; }

    /// <summary>With <see cref="Insecure"/>: accept passwords sent in clear from other machines.</summary>
    public bool InsecurePasswords { get; init; }

    /// <summary>The game master's certificate (<c>--certificate</c>): every endpoint is served over TLS with it.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>The command line's choices over the configuration's: its listen addresses replace them, its flags add to them.</summary>
    public NetworkOptions Over(HostSettings configured) => this with
    {
        Listen = Listen.Count > 0 ? Listen : configured.Listen,
        Insecure = Insecure || configured.Insecure,
        InsecurePasswords = InsecurePasswords || configured.InsecurePasswords,
    };
}
