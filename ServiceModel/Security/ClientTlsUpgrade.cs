using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.ServiceModel.Security;

/// <summary>
/// The client half of the TLS upgrade, after the server's UpgradeResponse (0x0A): the handshake runs on the connection
/// as it is, and the rest of the preamble (PreambleEnd, then the ack) and every later record travel inside TLS.
/// </summary>
internal static class ClientTlsUpgrade
{
    public static async Task<TlsFramingConnection> AuthenticateAsync(
        FramingConnection transport, ServerCertificateValidation validation, Uri via, CancellationToken cancellationToken)
    {
        // Reading through the transport's pipe keeps any bytes it has already buffered.
        var inner = new DuplexStream(transport.Input.AsStream(leaveOpen: true), transport.Output.AsStream(leaveOpen: true));
        var tls = new SslStream(inner, leaveInnerStreamOpen: true);
        var targetHost = validation.TargetHost(via);
        string? refusal = null;
        X509Certificate2? refused = null;
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = targetHost,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                if (validation.Accept(certificate, chain, errors, targetHost, out refusal))
                    return true;
                // A copy: the handshake's own certificate object goes with the handshake.
                refused = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                return false;
            },
        };
        try
        {
            await tls.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            return new TlsFramingConnection(tls, transport, ownsTransport: true);
        }
        catch (AuthenticationException error)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new SecurityNegotiationException(
                refusal is null ? $"The TLS handshake with {via} failed: {error.Message}" : $"TLS with {via} refused: {refusal}", error, refused);
        }
        catch (IOException error)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new CommunicationException($"The connection to {via} was lost during the TLS handshake: {error.Message}", error);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
