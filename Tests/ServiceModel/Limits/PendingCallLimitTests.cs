using System.IO.Pipelines;
using System.Xml;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Client;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.ServiceModel.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Tests.ServiceModel.Limits;

/// <summary>
/// A session takes at most <see cref="CallDispatcher.MaxPendingCalls"/> calls before its receive loop stops reading,
/// so a peer sending faster than its calls run is held back by TCP, not buffered without bound.
/// </summary>
public sealed class PendingCallLimitTests
{
    [Fact]
    public async Task The_dispatcher_is_not_ready_for_more_while_MaxPendingCalls_are_pending_and_is_once_one_ends()
    {
        // Each call is answered with a fault reply into an output pipe nobody reads, so every call stays pending.
        var fromPeer = new Pipe();
        var toPeer = new Pipe(new PipeOptions(pauseWriterThreshold: 1, resumeWriterThreshold: 1));
        var connection = new PipeFramingConnection(new Duplex(fromPeer.Reader, toPeer.Writer), () => { }, () => ValueTask.CompletedTask);
        var session = new DuplexSession(connection, new FramingLimits(), NullLogger.Instance);
        var dispatcher = new CallbackDispatcher(session, ContractDescription.GetContract(typeof(IEchoService)), callbackInstance: null, NullLogger.Instance);

        for (var i = 0; i < CallDispatcher.MaxPendingCalls - 1; i++)
            dispatcher.OnMessage(UnknownCall());
        Assert.True(dispatcher.WhenReadyForMoreAsync(CancellationToken.None).IsCompleted);

        dispatcher.OnMessage(UnknownCall());
        var ready = dispatcher.WhenReadyForMoreAsync(CancellationToken.None).AsTask();
        Assert.False(ready.IsCompleted);

        await DrainAsync(toPeer.Reader, until: ready);
        await ready.WaitAsync(TimeSpan.FromSeconds(20));
    }

    private static Message UnknownCall() =>
        new("urn:limits/NoSuchCallback", MessageBody.Empty) { MessageId = new UniqueId() };

    private static async Task DrainAsync(PipeReader reader, Task until)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!until.IsCompleted)
        {
            var result = await reader.ReadAsync(deadline.Token);
            reader.AdvanceTo(result.Buffer.End);
        }
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }
}
