using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>
/// A one-time code the game master hands a player (a new user, or one whose password was reset): the player exchanges
/// it for a password of their own on first login (<see cref="ILoginService.RedeemCodeAsync"/>). It works once, until
/// <see cref="Expires"/>; the host keeps only its hash.
/// </summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class OneTimeCodeInfo
{
    [DataMember(Order = 0)] public string UserName { get; set; } = "";

    /// <summary>Twelve letters and digits in three groups, e.g. <c>K7QM-2X9D-HT4R</c>.</summary>
    [DataMember(Order = 1)] public string Code { get; set; } = "";

    /// <summary>When the code stops working (UTC).</summary>
    [DataMember(Order = 2)] public DateTime Expires { get; set; }
}

/// <summary>
/// How a player joins this host: where it listens, its certificate's fingerprint and the user name (never a password),
/// and the same as the one line <see cref="Link"/> to hand out (<see cref="InviteLink"/>).
/// </summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class InviteInfo
{
    [DataMember(Order = 0)] public string UserName { get; set; } = "";

    /// <summary>The host name or IP address players connect to (an IPv6 address in brackets).</summary>
    [DataMember(Order = 1)] public string Host { get; set; } = "";

    [DataMember(Order = 2)] public int Port { get; set; }

    /// <summary>The base path of the endpoints, e.g. <c>/ikosa/</c>.</summary>
    [DataMember(Order = 3)] public string Path { get; set; } = "";

    /// <summary>The TLS certificate's fingerprint (<c>SHA256:…</c>), or null when the host serves plain net.tcp there.</summary>
    [DataMember(Order = 4)] public string? Fingerprint { get; set; }

    /// <summary>The invite as one line: <c>ikosa://HOST:PORT/?fp=SHA256:…&amp;user=NAME</c>.</summary>
    [DataMember(Order = 5)] public string Link { get; set; } = "";
}
