using System.IO.Pipelines;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Framing;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Ikosa.ServiceModel.Server;

/// <summary>
/// Serves one accepted connection: reads a preamble, routes it by Via, acknowledges, runs the session, and after an
/// orderly End loops back for the next preamble on the same socket (connection reuse) with fresh session state.
/// </summary>
internal sealed class NetTcpConnectionHandler(EndpointTable endpoints, CancellationToken hostClosing, ILogger logger)
{
    /// <summary>The most a client may send after a framing fault before the connection is dropped anyway.</summary>
    private const int MaxDrainBytes = 64 * 1024;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    public async Task HandleAsync(ConnectionContext context)
    {
        var connection = new PipeFramingConnection(context.Transport, context.Abort, context.DisposeAsync);
        var remote = context.RemoteEndPoint?.ToString() ?? "?";
        try
        {
            while (!hostClosing.IsCancellationRequested)
            {
                if (!await ServeOneSessionAsync(connection, remote).ConfigureAwait(false))
                    break;
            }
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Connection {Remote} failed", remote);
        }
        finally
        {
            await CloseConnectionAsync(context).ConfigureAwait(false);
        }
    }

    /// <summary>True when the session ended in an orderly way and the connection may carry another preamble.</summary>
    private async Task<bool> ServeOneSessionAsync(PipeFramingConnection connection, string remote)
    {
        var initializationLimits = new FramingLimits();
        ServerPreamble? preamble;
        EndpointDispatcher? endpoint = null;
        using (var initialization = CancellationTokenSource.CreateLinkedTokenSource(hostClosing))
        {
            // The client gets ChannelInitializationTimeout for the whole preamble; slow or silent peers are dropped.
            initialization.CancelAfter(endpoints.ChannelInitializationTimeout);
            try
            {
                preamble = await ServerPreambleReader.ReadAsync(connection.Input, initializationLimits, initialization.Token).ConfigureAwait(false);
                if (preamble is null)
                    return false;
                endpoint = endpoints.Find(preamble.Via)
                    ?? throw new FramingException($"No endpoint listens at '{preamble.Via}'.", FramingFault.EndpointNotFound);
                if (!ContentTypes.IsBinarySession(preamble.Encoding))
                    throw new FramingException("Only the binary session encoding (application/soap+msbinsession1) is served.", FramingFault.ContentTypeInvalid);
                if (preamble.UpgradeProtocol is not null)
                    throw new FramingException($"The endpoint does not offer the upgrade '{preamble.UpgradeProtocol}'.", FramingFault.UpgradeInvalid);
                if (!endpoint.Service.TryEnterSession())
                    throw new FramingException("The service is at its MaxConcurrentSessions limit.", FramingFault.ServerTooBusy);
            }
            catch (FramingException error)
            {
                logger.LogInformation("Connection {Remote}: refused ({Fault}): {Reason}", remote, error.Fault?.ToString() ?? "no fault", error.Message);
                if (error.Fault is { } fault)
                    await SendFaultAndDrainAsync(connection, fault).ConfigureAwait(false);
                return false;
            }
            catch (OperationCanceledException)
            {
                logger.LogInformation("Connection {Remote}: no complete preamble within {Timeout}; dropped", remote, endpoints.ChannelInitializationTimeout);
                return false;
            }
        }

        try
        {
            FramingRecordWriter.WritePreambleAck(connection.Output);
            await connection.Output.FlushAsync(hostClosing).ConfigureAwait(false);
            var session = new ServerSession(connection, endpoint, hostClosing, logger);
            return await session.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            endpoint.Service.ExitSession();
        }
    }

    private async Task SendFaultAndDrainAsync(PipeFramingConnection connection, FramingFault fault)
    {
        try
        {
            FramingRecordWriter.WriteFault(connection.Output, fault);
            await connection.Output.FlushAsync().ConfigureAwait(false);
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
}
