using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Framing;
using Ikosa.ServiceModel.Security;

namespace Ikosa.ServiceModel.Client;

/// <summary>
/// Opens a connection to a net.tcp endpoint and exchanges the duplex preamble; under SecurityMode.Transport it asks for
/// application/ssl-tls, runs the TLS handshake after the server's 0x0A and finishes the preamble inside TLS.
/// </summary>
internal static class ClientConnector
{
    /// <summary>The client reads the server's records through a pipe that reads only on demand, so this bounds what it buffers beyond a record.</summary>
    private const int ReadBufferSize = 16 * 1024;

    public static async Task<FramingConnection> ConnectAsync(
        Uri via, SecurityMode security, ServerCertificateValidation certificateValidation, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(ResolveHost(via.Host), via.Port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException error)
        {
            socket.Dispose();
            throw new EndpointNotFoundException($"Could not connect to {via}: {error.Message}. Check that the host is running and listening there.", error);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var stream = new NetworkStream(socket, ownsSocket: true);
        var input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: ReadBufferSize, leaveOpen: true));
        var output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        FramingConnection connection = new PipeFramingConnection(
            new DuplexPipe(input, output),
            abort: () => socket.Dispose(),
            dispose: async () =>
            {
                await input.CompleteAsync().ConfigureAwait(false);
                await output.CompleteAsync().ConfigureAwait(false);
                await stream.DisposeAsync().ConfigureAwait(false);
            });
        try
        {
            FramingRecordWriter.WritePreamble(output, via.AbsoluteUri);
            if (security == SecurityMode.Transport)
            {
                FramingRecordWriter.WriteUpgradeRequest(output, UpgradeProtocols.SslTls);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                await ReadAnswerAsync(input, FramingRecordType.UpgradeResponse, via, cancellationToken).ConfigureAwait(false);
                connection = await ClientTlsUpgrade.AuthenticateAsync(connection, certificateValidation, via, cancellationToken).ConfigureAwait(false);
            }
            FramingRecordWriter.WritePreambleEnd(connection.Output);
            await connection.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
            await ReadAnswerAsync(connection.Input, FramingRecordType.PreambleAck, via, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception error)
        {
            connection.Abort();
            if (error is OperationCanceledException or CommunicationException)
                throw;
            throw new CommunicationException($"Opening the session with {via} failed: {error.Message}", error);
        }
    }

    /// <summary>Reads the server's answer to the preamble (or to the upgrade request): <paramref name="expected"/>, or a fault.</summary>
    private static async Task ReadAnswerAsync(PipeReader input, FramingRecordType expected, Uri via, CancellationToken cancellationToken)
    {
        var limits = new FramingLimits();
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (FramingRecordReader.TryRead(ref buffer, limits, out var record))
            {
                input.AdvanceTo(buffer.Start);
                if (record.Type == expected)
                    return;
                if (record.Type == FramingRecordType.Fault)
                    throw FramingFaults.ToException(record.Text ?? "", via.AbsoluteUri);
                throw new ProtocolException($"The server at {via} answered the preamble with {record.Type} instead of {expected}.");
            }
            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
                throw new CommunicationException($"The server at {via} closed the connection without acknowledging the session.");
        }
    }

    private static string ResolveHost(string host) => host == "localhost" ? IPAddress.Loopback.ToString() : host;

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }
}
