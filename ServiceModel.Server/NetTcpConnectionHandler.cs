using System.IO.Pipelines;
using System.Net;
using System.Security.Authentication;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Framing;
using Ikosa.ServiceModel.Security;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Ikosa.ServiceModel.Server;

/// <summary>
/// Serves one accepted connection: reads a preamble, routes it by Via, upgrades to TLS when the endpoint requires it,
/// acknowledges, runs the session, and after an orderly End loops back for the next preamble on the same socket
/// (connection reuse) with fresh session state. A TLS connection carries one session.
/// </summary>
internal sealed class NetTcpConnectionHandler(
    EndpointTable endpoints, PendingConnectionLimit pendingLimit, RefusalLog refusals, RefusalDelay refusalDelay,
    CancellationToken hostClosing, ILogger logger)
{
    /// <summary>The most a client may send after a framing fault before the connection is dropped anyway.</summary>
    private const int MaxDrainBytes = 64 * 1024;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Preamble records are small whatever the endpoint's message size (WCF's TransportDefaults).</summary>
    private static readonly FramingLimits InitializationLimits = new();

    private FramingConnection _connection = null!;
    private TlsFramingConnection? _tls;
    private RemoteEndpointMessageProperty? _remoteEndpoint;
    private IPAddress _address = IPAddress.None;
    private bool _pending = true;

    /// <summary>The remote address that counts for per-address limits (an IPv4 peer on a dual-stack socket as IPv4).</summary>
    public static IPAddress RemoteAddress(ConnectionContext context) => context.RemoteEndPoint switch
    {
        IPEndPoint { Address: var address } when address.IsIPv4MappedToIPv6 => address.MapToIPv4(),
        IPEndPoint { Address: var address } => address,
        _ => IPAddress.None,
    };

    /// <summary>Serves a connection that took a pending slot of <see cref="PendingConnectionLimit"/> for <paramref name="address"/>.</summary>
    public async Task HandleAsync(ConnectionContext context, IPAddress address)
    {
        _address = address;
        _remoteEndpoint = RemoteEndpointMessageProperty.Of(context.RemoteEndPoint);
        _connection = new PipeFramingConnection(context.Transport, context.Abort, context.DisposeAsync);
        var remote = context.RemoteEndPoint?.ToString() ?? "?";
        try
        {
            while (!hostClosing.IsCancellationRequested)
            {
                if (!await ServeOneSessionAsync(remote).ConfigureAwait(false))
                    break;
            }
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Connection {Remote} failed", remote);
        }
        finally
        {
            LeavePending();
            await DisposeTlsAsync().ConfigureAwait(false);
            await CloseConnectionAsync(context).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Refuses a connection beyond the pending limits: ServerTooBusy in place of the ack, then close. One over its
    /// address's share is held a moment first (<see cref="RefusalDelay"/>).
    /// </summary>
    public async Task RefuseAsync(ConnectionContext context, Refusal refusal)
    {
        _pending = false;
        _connection = new PipeFramingConnection(context.Transport, context.Abort, context.DisposeAsync);
        if (refusal == Refusal.PendingFromAddress)
            await refusalDelay.WaitAsync(hostClosing).ConfigureAwait(false);
        await SendFaultAsync(FramingFault.ServerTooBusy).ConfigureAwait(false);
        await CloseConnectionAsync(context).ConfigureAwait(false);
    }

    /// <summary>True when the session ended in an orderly way and the connection may carry another preamble.</summary>
    private async Task<bool> ServeOneSessionAsync(string remote)
    {
        EndpointDispatcher? endpoint;
        SessionSlot? slot;
        using (var initialization = CancellationTokenSource.CreateLinkedTokenSource(hostClosing))
        {
            // The client gets ChannelInitializationTimeout for the whole preamble, TLS handshake included;
            // slow or silent peers are dropped.
            initialization.CancelAfter(endpoints.ChannelInitializationTimeout);
            try
            {
                (endpoint, slot) = await OpenSessionAsync(initialization.Token).ConfigureAwait(false);
                if (endpoint is null || slot is null)
                    return false;
            }
            catch (SessionRefusedException refused)
            {
                refusals.Record(_address, refused.Refusal);
                LeavePending();
                if (refused.Refusal == Refusal.UnauthenticatedFromAddress)
                    await refusalDelay.WaitAsync(hostClosing).ConfigureAwait(false);
                await SendFaultAsync(FramingFault.ServerTooBusy).ConfigureAwait(false);
                return false;
            }
            catch (FramingException error)
            {
                refusals.Record(_address, Refusal.BadPreamble, $"{error.Fault?.ToString() ?? "no fault"}: {error.Message}");
                if (error.Fault is { } fault)
                    await SendFaultAsync(fault).ConfigureAwait(false);
                return false;
            }
            catch (OperationCanceledException) when (!hostClosing.IsCancellationRequested)
            {
                refusals.Record(_address, Refusal.NoPreambleInTime, $"{endpoints.ChannelInitializationTimeout}");
                return false;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            catch (Exception error) when (error is AuthenticationException or IOException or ConnectionResetException)
            {
                refusals.Record(_address, Refusal.OpeningFailed, error.Message);
                return false;
            }
        }

        using (slot)
        {
            LeavePending();
            FramingRecordWriter.WritePreambleAck(_connection.Output);
            await _connection.Output.FlushAsync(hostClosing).ConfigureAwait(false);
            var session = new ServerSession(_connection, endpoint, slot, refusals, hostClosing, logger, _remoteEndpoint);
            logger.LogDebug("Connection {Remote}: session opened on {Endpoint}", remote, endpoint.Endpoint);
            var reusable = await session.RunAsync().ConfigureAwait(false);
            // A new preamble inside TLS is not part of the protocol; the client opens a new connection instead.
            return reusable && _tls is null;
        }
    }

    /// <summary>
    /// Reads the preamble, routes it, secures the connection as the endpoint requires and takes a session slot.
    /// Nulls when the connection closed cleanly before a new preamble began.
    /// </summary>
    private async Task<(EndpointDispatcher?, SessionSlot?)> OpenSessionAsync(CancellationToken cancellationToken)
    {
        var preamble = await ServerPreambleReader.ReadAsync(_connection.Input, InitializationLimits, cancellationToken).ConfigureAwait(false);
        if (preamble is null)
            return (null, null);
        var endpoint = endpoints.Find(preamble.Via)
            ?? throw new FramingException($"No endpoint listens at '{preamble.Via}'.", FramingFault.EndpointNotFound);
        if (!ContentTypes.IsBinarySession(preamble.Encoding))
            throw new FramingException("Only the binary session encoding (application/soap+msbinsession1) is served.", FramingFault.ContentTypeInvalid);
        await SecureAsync(preamble, endpoint, cancellationToken).ConfigureAwait(false);
        var slot = endpoint.Service.TryEnterSession(_address, out var refusal) ?? throw new SessionRefusedException(refusal);
        return (endpoint, slot);
    }

    /// <summary>
    /// The upgrade the endpoint's security mode calls for: none for None; for Transport, application/ssl-tls answered
    /// with 0x0A, the TLS handshake, and PreambleEnd read inside TLS. Anything else gets UpgradeInvalid, so a client
    /// with the wrong security mode learns it at once instead of hanging.
    /// </summary>
    private async Task SecureAsync(ServerPreamble preamble, EndpointDispatcher endpoint, CancellationToken cancellationToken)
    {
        var requiresTls = endpoint.Binding.Security.Mode == SecurityMode.Transport;
        if (preamble.UpgradeProtocol is not { } upgrade)
        {
            if (requiresTls)
                throw new FramingException($"The endpoint at '{preamble.Via}' requires TLS (SecurityMode.Transport) but the client asked for no upgrade.", FramingFault.UpgradeInvalid);
            return;
        }
        if (upgrade == UpgradeProtocols.Negotiate)
            throw new FramingException(WindowsSecurityRefused(preamble.Via, requiresTls), FramingFault.UpgradeInvalid);
        if (!requiresTls || upgrade != UpgradeProtocols.SslTls)
            throw new FramingException(
                $"The endpoint at '{preamble.Via}' does not offer the upgrade '{upgrade}'; it offers {(requiresTls ? UpgradeProtocols.SslTls : "no upgrade")}.",
                FramingFault.UpgradeInvalid);

        FramingRecordWriter.WriteUpgradeResponse(_connection.Output);
        await _connection.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        _tls = await ServerTlsUpgrade.AuthenticateAsync(_connection, endpoint.Service.ServerCertificateContext, cancellationToken).ConfigureAwait(false);
        _connection = _tls;
        logger.LogDebug("TLS established for {Via}: {Tls}", preamble.Via, _tls.Describe());
        await ServerPreambleReader.ReadPreambleEndAsync(_connection.Input, InitializationLimits, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// WCF's <c>new NetTcpBinding()</c> asks for Windows security, so a ported client that kept it lands here: the log
    /// says what it asked for and what to set on the client for this endpoint.
    /// </summary>
    private static string WindowsSecurityRefused(string via, bool requiresTls) =>
        $"The client asked for Windows security ({UpgradeProtocols.Negotiate}: WCF's default NetTcpBinding, SecurityMode.Transport " +
        $"with ClientCredentialType Windows), which '{via}' does not offer. On the client's NetTcpBinding set " +
        (requiresTls
            ? "SecurityMode.Transport with Security.Transport.ClientCredentialType = TcpClientCredentialType.None, and trust the host's certificate."
            : "SecurityMode.None (new NetTcpBinding(SecurityMode.None)): this endpoint serves no transport security.");

    private async Task DisposeTlsAsync()
    {
        if (_tls is null)
            return;
        try
        {
            await _tls.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException or ConnectionAbortedException)
        {
            logger.LogDebug("Closing TLS failed: {Reason}", error.Message);
        }
    }

    private void LeavePending()
    {
        if (!_pending)
            return;
        _pending = false;
        pendingLimit.Exit(_address);
    }

    private async Task SendFaultAsync(FramingFault fault)
    {
        try
        {
            FramingRecordWriter.WriteFault(_connection.Output, fault);
            await _connection.Output.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "Could not deliver the {Fault} fault", fault);
        }
    }

    /// <summary>Reads and discards what the client still sends, so closing does not reset the fault away.</summary>
    private static async Task DrainAsync(PipeReader input)
    {
        using var timeout = new CancellationTokenSource(DrainTimeout);
        var drained = 0L;
        try
        {
            while (drained < MaxDrainBytes)
            {
                var result = await input.ReadAsync(timeout.Token).ConfigureAwait(false);
                drained += result.Buffer.Length;
                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                    return;
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or ConnectionAbortedException)
        {
        }
    }

    /// <summary>Closes our side (FIN after anything still buffered), drains what the client still sends, then lets go.</summary>
    private static async Task CloseConnectionAsync(ConnectionContext context)
    {
        try
        {
            await context.Transport.Output.CompleteAsync().ConfigureAwait(false);
            await DrainAsync(context.Transport.Input).ConfigureAwait(false);
            await context.Transport.Input.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            context.Abort();
        }
    }

    /// <summary>A session refused at a service's limit: ServerTooBusy in place of the ack.</summary>
    private sealed class SessionRefusedException(Refusal refusal) : Exception(refusal.Describe())
    {
        public Refusal Refusal => refusal;
    }
}
