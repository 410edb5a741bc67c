using Ikosa.Contracts;
using Ikosa.Host.Hosting;
using Ikosa.Host.Users;
using Ikosa.ServiceModel;

namespace Ikosa.Host.Network;

/// <summary>
/// What the game master reads once the host listens: every endpoint (<c>Listening: ADDRESS</c>, one a line; tools read
/// these), how it is secured, the addresses players on other machines can use, and an invite per user.
/// </summary>
public static class StartupReport
{
    public const string ListeningPrefix = "Listening: ";

    public static void Print(IkosaServer server, ListenPlan plan, LocalNetwork network, TextWriter output)
    {
        var endpoints = server.Endpoints.ToList();
        foreach (var endpoint in endpoints)
            output.WriteLine($"{ListeningPrefix}{endpoint.Address}");
        var secured = endpoints.Where(e => e.Binding.Security.Mode == SecurityMode.Transport).ToList();
        if (secured.FirstOrDefault()?.Service.ServiceCertificate is { } certificate)
            output.WriteLine($"TLS on {string.Join(", ", secured.Select(e => e.Address.Authority).Distinct())}: certificate " +
                             $"{CertificateFingerprint.Of(certificate)} ({certificate.Subject}, until {certificate.NotAfter:yyyy-MM-dd})");
        if (plan.ServesPlainToOthers)
            output.WriteLine("WARNING: --insecure: plain net.tcp where other machines connect. Anyone on the network can read the game, and " +
                             (plan.Options.InsecurePasswords ? "the passwords players send (--insecure-passwords)." : "passwords from other machines are refused (--insecure-passwords would accept them)."));
        var listens = endpoints.Select(e => ListenAddress.Of(e.Address)).Distinct().ToList();
        if (listens.All(l => l.IsLoopback))
        {
            output.WriteLine("Only this computer can connect. To let players on other machines join, start with --listen '*' (served over TLS).");
            return;
        }
        var reachable = listens.Where(l => !l.IsLoopback).SelectMany(l => l.IsEveryInterface
            ? network.Addresses.Select(LocalNetwork.UriHost).Prepend(network.HostName)
            : [l.Host]);
        var ports = endpoints.Where(e => !ListenAddress.Of(e.Address).IsLoopback).Select(e => e.Address.Port).Distinct();
        output.WriteLine($"Players on other machines connect to: {string.Join(", ", reachable.Distinct())} (port {string.Join(", ", ports)})");
        output.WriteLine("Invites (give each player theirs; they hold no password):");
        var users = server.Game.Engine.Gate.Read(tx => tx.All<UserAccount>().OrderBy(u => u.IsMaster).ThenBy(u => u.Name, StringComparer.Ordinal).ToList());
        var width = users.Count == 0 ? 0 : users.Max(u => u.Name.Length);
        foreach (var user in users)
            output.WriteLine($"  {user.Name.PadRight(width)}  {server.Invitations.For(user.Name).Link}{(user.IsMaster ? "  (game master)" : "")}");
    }
}
