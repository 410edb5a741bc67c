using System.Buffers;
using System.Xml;
using FsCheck;
using FsCheck.Fluent;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Encoding;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel.Wire;

/// <summary>What BinarySessionWriter writes, BinarySessionReader reads back unchanged, message after message.</summary>
public class BinarySessionRoundTripTests
{
    private static readonly Guid Request = Guid.Parse("11111111-2222-3333-4444-555555555555");

    public static TheoryData<string, Message> EachKindOfMessage() => new()
    {
        { "request", HarnessMessages.TwoWayRequest(Request, "Echo", ("n", 42), ("s", "hello")) },
        { "one-way", OneWay() },
        { "reply", HarnessMessages.Reply(Request, "Echo", "hello:42") },
        { "two-way callback", TwoWayCallback() },
        { "callback reply", CallbackReply() },
        { "typed fault", HarnessMessages.HarnessFault(Request, "typed fault: boom", 17, "boom") },
        { "internal fault", HarnessMessages.InternalServiceFault(Request, "it <broke> & stopped") },
        { "empty body", new Message("urn:empty", MessageBody.Empty) { To = HarnessMessages.ServiceAddress } },
    };

    [Theory]
    [MemberData(nameof(EachKindOfMessage))]
    public void Each_kind_of_message_reads_back_as_written(string kind, Message message)
    {
        var expected = EnvelopeXml.Render(message);
        var payload = Write(new BinarySessionWriter(), message);
        var read = new BinarySessionReader().ReadMessage(payload, 0, payload.Length);

        Assert.Equal(message.Action, read.Action);
        Assert.Equal(message.MessageId, read.MessageId);
        Assert.Equal(message.RelatesTo, read.RelatesTo);
        Assert.Equal(message.ReplyTo, read.ReplyTo);
        Assert.Equal(message.To, read.To);
        Assert.Equal(message.IsFault, read.IsFault);
        Assert.Empty(read.OtherHeaders);
        if (!message.IsFault) // a fault body rendered on its own declares xmlns:s again; compare those below
            Assert.True(expected == EnvelopeXml.Render(read), kind);
    }

    [Fact]
    public void A_typed_fault_reads_back_as_the_capture_shows_it()
    {
        var capture = CaptureFile.LoadStockEchoSession().Connections[0].ServerToClient.Envelopes.Single(e => e.EnvelopeNumber == 56);
        var payload = Write(new BinarySessionWriter(),
            HarnessMessages.HarnessFault(Guid.Parse("31d5c681-a4d2-4bef-88da-5c4b9636d026"), "typed fault: boom", 17, "boom"));

        Assert.Equal(capture.Xml, EnvelopeXml.Render(new BinarySessionReader().ReadMessage(payload, 0, payload.Length)));
    }

    [Fact]
    public void A_message_in_the_middle_of_a_larger_buffer_is_read_from_its_offset()
    {
        var payload = Write(new BinarySessionWriter(), OneWay());
        var buffer = new byte[payload.Length + 20];
        payload.CopyTo(buffer, 7);
        Array.Fill(buffer, (byte)0xEE, 0, 7);
        Array.Fill(buffer, (byte)0xEE, 7 + payload.Length, 13);

        var read = new BinarySessionReader().ReadMessage(buffer, 7, payload.Length);
        Assert.Equal(OneWay().Action, read.Action);
    }

    [Fact]
    public void A_body_that_fails_while_written_leaves_the_session_as_it_was()
    {
        var writer = new BinarySessionWriter();
        var reader = new BinarySessionReader();
        var failing = new Message("urn:fails", MessageBody.FromWriter(w =>
        {
            w.WriteStartElement(new XmlDictionaryString(new XmlDictionary(), "NeverSent", 0), new XmlDictionaryString(new XmlDictionary(), "urn:x", 0));
            throw new InvalidOperationException("serializer failed");
        }));
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<InvalidOperationException>(() => writer.WriteMessage(failing, output));
        Assert.Equal(0, output.WrittenCount);

        // The strings the failed message added are not in the session: the next message sends them again.
        var payload = Write(writer, new Message("urn:fails", MessageBody.Empty));
        Assert.Equal(["urn:fails"], SessionStringTable.Read(payload, int.MaxValue, out _, out _));
        Assert.Equal("urn:fails", reader.ReadMessage(payload, 0, payload.Length).Action);
    }

    [Fact]
    public void A_received_body_can_be_taken_once()
    {
        var payload = Write(new BinarySessionWriter(), OneWay());
        var message = new BinarySessionReader().ReadMessage(payload, 0, payload.Length);
        message.Body.GetReader();
        Assert.Throws<InvalidOperationException>(() => message.Body.GetReader());
    }

    [Fact]
    public void Any_session_of_messages_reads_back_as_written()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Sessions().ToArbitrary(), session =>
        {
            var writer = new BinarySessionWriter();
            var reader = new BinarySessionReader();
            foreach (var spec in session)
            {
                var sent = spec.ToMessage();
                var expected = EnvelopeXml.Render(spec.ToMessage());
                var payload = Write(writer, sent);
                var received = reader.ReadMessage(payload, 0, payload.Length);
                if (EnvelopeXml.Render(received) != expected)
                    return false;
            }
            return true;
        }));
    }

    /// <summary>A message described by plain values, so FsCheck can show and shrink it.</summary>
    public sealed record MessageSpec(string Action, Guid? MessageId, Guid? RelatesTo, string? ReplyTo, string? To, string[] Names, string Text)
    {
        public Message ToMessage() => new(Action, MessageBody.FromWriter(w =>
        {
            var dictionary = new XmlDictionary();
            foreach (var name in Names)
            {
                w.WriteStartElement(new XmlDictionaryString(dictionary, name, 0), new XmlDictionaryString(dictionary, "urn:fuzz", 0));
                w.WriteString(Text);
                w.WriteEndElement();
            }
        }))
        {
            MessageId = MessageId is { } id ? new UniqueId(id) : null,
            RelatesTo = RelatesTo is { } relates ? new UniqueId(relates) : null,
            ReplyTo = ReplyTo,
            To = To,
        };

        public override string ToString() => $"{Action} [{string.Join(",", Names)}] '{Text}'";
    }

    private static readonly string[] Tokens = ["a", "é", "漢字", "😀", "<&>", " ", "\"q\"", "urn:", "http://x/", HarnessMessages.Anonymous];
    private static readonly string[] NameTokens = ["Echo", "n", "s", "Résumé", "名前", "a-b.c_d", "x"];

    private static Gen<string> Text() => Gen.Elements(Tokens).ListOf().Select(parts => string.Concat(parts.Take(6)));

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class => Gen.OneOf(Gen.Constant<T?>(null), gen.Select(v => (T?)v));

    private static Gen<Guid?> MaybeGuid() => Gen.OneOf(Gen.Constant<Guid?>(null), Gen.Fresh(() => (Guid?)Guid.NewGuid()));

    private static Gen<MessageSpec> Messages() =>
        from action in Gen.Elements(Tokens).ListOf().Select(parts => "urn:" + string.Concat(parts.Take(4)))
        from messageId in MaybeGuid()
        from relatesTo in MaybeGuid()
        from replyTo in Maybe(Text())
        from to in Maybe(Text())
        from names in Gen.Elements(NameTokens).ArrayOf()
        from text in Text()
        select new MessageSpec(action, messageId, relatesTo, replyTo, to, names.Take(5).ToArray(), text);

    private static Gen<MessageSpec[]> Sessions() => Messages().ArrayOf().Select(m => m.Take(8).ToArray());

    private static Message OneWay()
    {
        var message = HarnessMessages.Request("Notify", ("n", 0), ("s", "one-way"));
        message.To = HarnessMessages.ServiceAddress;
        return message;
    }

    private static Message TwoWayCallback()
    {
        var message = HarnessMessages.Request("ClientPing", ("n", 5));
        message.MessageId = new UniqueId(Request);
        message.ReplyTo = HarnessMessages.ServiceAddress;
        message.To = HarnessMessages.Anonymous;
        return message;
    }

    private static Message CallbackReply()
    {
        var message = HarnessMessages.Reply(Request, "ClientPing", "client pong 5");
        message.To = HarnessMessages.ServiceAddress;
        return message;
    }

    private static byte[] Write(BinarySessionWriter writer, Message message)
    {
        var output = new ArrayBufferWriter<byte>();
        writer.WriteMessage(message, output);
        return output.WrittenSpan.ToArray();
    }
}
