using System.Net.Security;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.ServiceModel.Security;

/// <summary>
/// The server half of the TLS upgrade, after it has sent UpgradeResponse (0x0A): the handshake runs directly on the
/// accepted connection with the service certificate; no client certificate is asked for (client credential None).
/// </summary>
internal static class ServerTlsUpgrade
{
    /// <summary>The secured connection; the caller keeps owning (and closes) <paramref name="transport"/>.</summary>
    public static async Task<TlsFramingConnection> AuthenticateAsync(
        FramingConnection transport, SslStreamCertificateContext certificate, CancellationToken cancellationToken)
    {
        var inner = new DuplexStream(transport.Input.AsStream(leaveOpen: true), transport.Output.AsStream(leaveOpen: true));
        var tls = new SslStream(inner, leaveInnerStreamOpen: true);
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = certificate,
            ClientCertificateRequired = false,
        };
        try
        {
            await tls.AuthenticateAsServerAsync(options, cancellationToken).ConfigureAwait(false);
            return new TlsFramingConnection(tls, transport, ownsTransport: false);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
