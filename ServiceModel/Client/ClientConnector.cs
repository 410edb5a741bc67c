using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Framing;

namespace Ikosa.ServiceModel.Client;

/// <summary>Opens a connection to a net.tcp endpoint and exchanges the duplex preamble.</summary>
internal static class ClientConnector
{
    public static async Task<FramingConnection> ConnectAsync(Uri address, Uri via, CancellationToken cancellationToken)
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
        var input = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        var output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        var connection = new PipeFramingConnection(
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
            FramingRecordWriter.WritePreambleEnd(output);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            await ReadAckAsync(input, via, cancellationToken).ConfigureAwait(false);
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

    private static async Task ReadAckAsync(PipeReader input, Uri via, CancellationToken cancellationToken)
    {
        var limits = new FramingLimits();
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (FramingRecordReader.TryRead(ref buffer, limits, out var record))
            {
                input.AdvanceTo(buffer.Start);
                switch (record.Type)
                {
                    case FramingRecordType.PreambleAck:
                        return;
                    case FramingRecordType.Fault:
                        throw FramingFaults.ToException(record.Text ?? "", via.AbsoluteUri);
                    default:
                        throw new ProtocolException($"The server at {via} answered the preamble with {record.Type} instead of an acknowledgement.");
                }
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
