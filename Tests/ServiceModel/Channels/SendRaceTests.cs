using System.IO.Pipelines;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Framing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Tests.ServiceModel.Channels;

/// <summary>
/// A request whose send fails because the session ended meanwhile (the peer's framing fault arrived and the
/// connection was dropped after it) reports why the session ended, not the broken send.
/// </summary>
public class SendRaceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_send_broken_by_the_peers_fault_reports_the_fault()
    {
        var input = new Pipe();
        var output = new GatedWriter();
        var connection = new PipeFramingConnection(new DuplexPipe(input.Reader, output), () => { }, () => ValueTask.CompletedTask);
        var session = new DuplexSession(connection, new FramingLimits(), NullLogger.Instance);
        var receiving = session.ReceiveAsync(new NoMessages(), Timeout.InfiniteTimeSpan);

        var request = session.RequestAsync(new Message("urn:test/Big", MessageBody.Empty), _ => null, Bound);
        await output.FlushStarted.Task.WaitAsync(Bound);
        FramingRecordWriter.WriteFault(input.Writer, FramingFault.MaxMessageSizeExceeded);
        await input.Writer.FlushAsync();
        await receiving.WaitAsync(Bound);
        output.FailFlush.SetResult();

        var error = await Assert.ThrowsAsync<QuotaExceededException>(() => request.WaitAsync(Bound));
        Assert.Contains("MaxReceivedMessageSize", error.Message);
    }

    [Fact]
    public async Task A_request_that_cannot_be_sent_fails_at_once_and_leaves_no_waiter()
    {
        var input = new Pipe();
        var output = new Pipe();
        var connection = new PipeFramingConnection(new DuplexPipe(input.Reader, output.Writer), () => { }, () => ValueTask.CompletedTask);
        var session = new DuplexSession(connection, new FramingLimits(), NullLogger.Instance);
        await session.SendEndAsync(CancellationToken.None);

        var request = session.RequestAsync(new Message("urn:test/Late", MessageBody.Empty), _ => null, Bound);

        await Assert.ThrowsAsync<CommunicationObjectFaultedException>(() => request.WaitAsync(Bound));
        Assert.Equal(0, session.PendingRequestCount);
    }

    private sealed class NoMessages : IIncomingMessageHandler
    {
        public void OnMessage(Message message) => throw new InvalidOperationException("No request was expected.");

        public ValueTask WhenReadyForMoreAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }

    /// <summary>Takes the written bytes; its flush waits for the test, then fails as a disposed socket does.</summary>
    private sealed class GatedWriter : PipeWriter
    {
        private readonly Pipe _sink = new();

        public TaskCompletionSource FlushStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource FailFlush { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Advance(int bytes) => _sink.Writer.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => _sink.Writer.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _sink.Writer.GetSpan(sizeHint);

        public override void CancelPendingFlush() => _sink.Writer.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => _sink.Writer.Complete(exception);

        public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            FlushStarted.TrySetResult();
            await FailFlush.Task.WaitAsync(cancellationToken);
            throw new ObjectDisposedException("System.Net.Sockets.Socket");
        }
    }
}
