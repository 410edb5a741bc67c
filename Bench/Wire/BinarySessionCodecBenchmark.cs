using System.Buffers;
using System.Diagnostics;
using System.Xml;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Encoding;

namespace Ikosa.Bench.Wire;

/// <summary>
/// Encodes and decodes an Echo request through one session's writer and reader, against a baseline of the in-box
/// binary XML writer and reader alone: the same envelope, static dictionary only, no session table, no check pass,
/// headers skipped rather than read.
/// </summary>
public sealed class BinarySessionCodecBenchmark : IBenchmark
{
    private const int Messages = 200_000;
    private static readonly XmlDictionary Names = new();

    public string Name => "wire-codec";

    public string Description => "binary session encode+decode of an Echo request vs the bare in-box binary XML codec on the same envelope";

    public Task RunAsync(IReadOnlyList<string> args)
    {
        var count = args.Count > 0 && int.TryParse(args[0], out var n) ? n : Messages;
        Run("warm-up", count / 10);
        var (ours, size) = Run("session codec", count);
        var baseline = Baseline(count);
        Console.WriteLine($"payload {size} bytes; session codec {ours:N0} msg/s; bare binary XML {baseline:N0} msg/s; ratio {ours / baseline:P0}");
        return Task.CompletedTask;
    }

    private static (double PerSecond, int Size) Run(string label, int count)
    {
        var writer = new BinarySessionWriter();
        var reader = new BinarySessionReader();
        var output = new ArrayBufferWriter<byte>(1024);
        var size = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            output.ResetWrittenCount();
            writer.WriteMessage(Echo(i), output);
            var payload = output.WrittenSpan.ToArray();
            size = payload.Length;
            var message = reader.ReadMessage(payload, 0, payload.Length);
            ReadBody(message.Body.GetReader());
        }
        return (count / clock.Elapsed.TotalSeconds, size);
    }

    private static double Baseline(int count)
    {
        var buffer = new MemoryStream();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            buffer.SetLength(0);
            using (var writer = XmlDictionaryWriter.CreateBinaryWriter(buffer, NbfsStaticDictionary.Dictionary, session: null, ownsStream: false))
                EnvelopeWriter.Write(writer, Echo(i));
            var payload = buffer.ToArray();
            using var reader = XmlDictionaryReader.CreateBinaryReader(payload, 0, payload.Length, NbfsStaticDictionary.Dictionary, new XmlDictionaryReaderQuotas());
            EnvelopeReader.MoveToBodyContent(reader);
            ReadBody(reader);
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    private static Message Echo(int n) => new("urn:harness/IEchoService/Echo", MessageBody.FromWriter(w =>
    {
        var ns = new XmlDictionaryString(Names, "urn:harness", 0);
        w.WriteStartElement(new XmlDictionaryString(Names, "Echo", 0), ns);
        w.WriteStartElement(new XmlDictionaryString(Names, "n", 0), ns);
        w.WriteValue(n);
        w.WriteEndElement();
        w.WriteStartElement(new XmlDictionaryString(Names, "s", 0), ns);
        w.WriteString("hello");
        w.WriteEndElement();
        w.WriteEndElement();
    }))
    {
        MessageId = new UniqueId(),
        ReplyTo = "http://www.w3.org/2005/08/addressing/anonymous",
        To = "net.tcp://127.0.0.1:8089/echo",
    };

    private static void ReadBody(XmlDictionaryReader reader)
    {
        reader.ReadStartElement();
        reader.ReadElementContentAsInt();
        reader.ReadElementContentAsString();
        reader.ReadEndElement();
    }
}
