using System.IO.Pipelines;

namespace Ikosa.ServiceModel.Channels;

/// <summary>
/// A byte connection carrying framing records: a socket on the client, a Kestrel connection on the server, or either
/// wrapped in TLS. Sessions run on it one after another (connection reuse), so a session never owns it.
/// </summary>
internal abstract class FramingConnection : IAsyncDisposable
{
    public abstract PipeReader Input { get; }

    public abstract PipeWriter Output { get; }

    /// <summary>Drops the connection at once (no End record).</summary>
    public abstract void Abort();

    public abstract ValueTask DisposeAsync();
}

/// <summary>A connection over any duplex pipe, aborted through a callback.</summary>
internal sealed class PipeFramingConnection(IDuplexPipe pipe, Action abort, Func<ValueTask> dispose) : FramingConnection
{
    public override PipeReader Input => pipe.Input;

    public override PipeWriter Output => pipe.Output;

    public override void Abort() => abort();

    public override ValueTask DisposeAsync() => dispose();
}
