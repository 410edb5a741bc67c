using System.Net;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.Host.Security;

/// <summary>
/// Passwords cross a network only inside TLS: one that arrives over plain net.tcp from another machine (a host started
/// with <c>--insecure</c>) is refused — it has been exposed on the way, but at least it does not work, and the player
/// learns why — unless the game master allowed it with <c>--insecure-passwords</c>. Loopback peers are this machine.
/// </summary>
public static class PasswordTransport
{
    /// <summary>Why a password sent on the current call must be refused, or null when it may be checked.</summary>
    public static string? Refusal(OperationContext? context, bool allowInClear)
    {
        // In-process calls (tests, tools) cross no network.
        if (allowInClear || context is null || context.Endpoint.Binding.Security.Mode == SecurityMode.Transport)
            return null;
        if (context.IncomingMessageProperties.TryGetValue(RemoteEndpointMessageProperty.Name, out var property)
            && property is RemoteEndpointMessageProperty remote && IPAddress.TryParse(remote.Address, out var address) && IPAddress.IsLoopback(address))
            return null;
        return "this host serves plain net.tcp (--insecure), so passwords from other machines are refused: anyone on the " +
               "network could read them. Ask the game master to serve TLS (start without --insecure), or to accept that " +
               "risk with --insecure-passwords";
    }
}
