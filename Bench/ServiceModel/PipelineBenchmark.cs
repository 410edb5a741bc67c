using System.Buffers;
using System.Diagnostics;
using System.Xml;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;
using Ikosa.ServiceModel.Encoding;

namespace Ikosa.Bench.ServiceModel;

/// <summary>
/// A request/reply through every in-process stage of the runtime, no sockets and no threads: the client formatter,
/// the session writer, the session reader, the server formatter, the invoker, and back. Prints the time each stage
/// takes, so the wire layer's own cost can be told from the socket's and the scheduler's. Baseline: the raw
/// ping-pong's round trip time, measured in the same run.
/// </summary>
public sealed class PipelineBenchmark : IBenchmark
{
    public string Name => "sm-pipeline";

    public string Description => "time per stage of an Echo request/reply through formatter, encoder, decoder and invoker, no sockets [calls, default 100000]";

    private enum Stage { SerializeRequest, EncodeRequest, DecodeRequest, DeserializeRequest, Invoke, SerializeReply, EncodeReply, DecodeReply, DeserializeReply }

    public async Task RunAsync(IReadOnlyList<string> args)
    {
        var calls = args.Count > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
        RoundTripFigures raw;
        await using (var pingPong = RawPingPong.Start())
            raw = await RoundTrips.MeasureAsync([await pingPong.ConnectAsync()], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        Console.WriteLine($"  raw ping-pong, 1 connection:  {raw}  ({1e6 / raw.PerSecond:F1} µs a round trip)");

        var operation = ContractDescription.GetContract(typeof(IBenchService)).Operations.Single(o => o.Name == "Echo");
        var service = new BenchService();
        await RunAsync(operation, service, calls / 10);
        var ticks = await RunAsync(operation, service, calls);
        var total = 0.0;
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var micros = ticks[(int)stage] * 1e6 / Stopwatch.Frequency / calls;
            total += micros;
            Console.WriteLine($"  {stage,-20} {micros,7:F2} µs");
        }
        Console.WriteLine($"  {"all stages",-20} {total,7:F2} µs a call, {total * raw.PerSecond / 1e6:P0} of a raw round trip");
    }

    private static async Task<long[]> RunAsync(OperationDescription operation, object service, int calls)
    {
        var ticks = new long[Enum.GetValues<Stage>().Length];
        var clientWriter = new BinarySessionWriter();
        var serverReader = new BinarySessionReader();
        var serverWriter = new BinarySessionWriter();
        var clientReader = new BinarySessionReader();
        var wire = new ArrayBufferWriter<byte>(1024);
        var start = Stopwatch.GetTimestamp();
        void Lap(Stage stage)
        {
            var now = Stopwatch.GetTimestamp();
            ticks[(int)stage] += now - start;
            start = now;
        }

        for (var i = 0; i < calls; i++)
        {
            start = Stopwatch.GetTimestamp();
            var arguments = new object?[] { i, "ping" };
            var request = operation.Formatter.SerializeRequest(arguments);
            request.MessageId = new UniqueId();
            request.ReplyTo = WellKnownAddresses.Anonymous;
            request.To = "net.tcp://127.0.0.1:8089/bench";
            Lap(Stage.SerializeRequest);
            wire.ResetWrittenCount();
            clientWriter.WriteMessage(request, wire);
            var bytes = wire.WrittenSpan.ToArray();
            Lap(Stage.EncodeRequest);
            var received = serverReader.ReadMessage(bytes, 0, bytes.Length);
            Lap(Stage.DecodeRequest);
            var serverArguments = operation.Formatter.DeserializeRequest(received);
            Lap(Stage.DeserializeRequest);
            var result = await OperationInvoker.InvokeAsync(service, operation, serverArguments);
            Lap(Stage.Invoke);
            var reply = operation.Formatter.SerializeReply(result, serverArguments);
            reply.RelatesTo = received.MessageId;
            reply.To = WellKnownAddresses.Anonymous;
            Lap(Stage.SerializeReply);
            wire.ResetWrittenCount();
            serverWriter.WriteMessage(reply, wire);
            bytes = wire.WrittenSpan.ToArray();
            Lap(Stage.EncodeReply);
            var replyReceived = clientReader.ReadMessage(bytes, 0, bytes.Length);
            Lap(Stage.DecodeReply);
            var answer = operation.Formatter.DeserializeReply(replyReceived, arguments);
            Lap(Stage.DeserializeReply);
            if (!Equals(answer, "ping"))
                throw new InvalidOperationException($"The pipeline answered '{answer}'.");
        }
        return ticks;
    }
}
