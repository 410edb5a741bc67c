using System.IO.Pipelines;
using System.Net.Security;
using Ikosa.ServiceModel.Channels;

namespace Ikosa.ServiceModel.Security;

/// <summary>
/// A connection after the TLS upgrade: framing records travel inside <see cref="SslStream"/>. The pipes read only when
/// asked, so what they buffer is bounded by the framing reader's limits, as on a plain connection.
/// </summary>
internal sealed class TlsFramingConnection : FramingConnection
{
    private readonly SslStream _tls;
    private readonly FramingConnection _transport;
    private readonly bool _ownsTransport;

    /// <param name="ownsTransport">Whether disposing this disposes the connection under TLS (the client's socket) too.</param>
    public TlsFramingConnection(SslStream tls, FramingConnection transport, bool ownsTransport)
    {
        _tls = tls;
        _transport = transport;
        _ownsTransport = ownsTransport;
        Input = PipeReader.Create(tls, new StreamPipeReaderOptions(leaveOpen: true));
        Output = PipeWriter.Create(tls, new StreamPipeWriterOptions(leaveOpen: true));
    }

    public override PipeReader Input { get; }

    public override PipeWriter Output { get; }

    /// <summary>The negotiated protocol and cipher, for logs.</summary>
    public string Describe() => $"{_tls.SslProtocol} {_tls.NegotiatedCipherSuite}";

    public override void Abort() => _transport.Abort();

    public override async ValueTask DisposeAsync()
    {
        await Input.CompleteAsync().ConfigureAwait(false);
        await Output.CompleteAsync().ConfigureAwait(false);
        await _tls.DisposeAsync().ConfigureAwait(false);
        if (_ownsTransport)
            await _transport.DisposeAsync().ConfigureAwait(false);
    }
}
