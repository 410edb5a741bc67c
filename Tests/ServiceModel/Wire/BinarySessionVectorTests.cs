using System.Buffers;
using System.Xml;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Encoding;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel.Wire;

/// <summary>The encoding vectors of the protocol notes (§9 items 10–14).</summary>
public class BinarySessionVectorTests
{
    private const string Action = "http://tempuri.org/IEcho/Echo";

    // Item 10: a table of three strings, then an envelope with an inline Action and a body made of session strings.
    private static readonly string Item10 =
        "1E 04 4563686F 13 687474703A2F2F74656D707572692E6F72672F 04 74657874" +
        "56 02 0B 01 73 04 0B 01 61 06 56 08 44 0A 1E 00 82 99 1D" + Hex.Of(System.Text.Encoding.UTF8.GetBytes(Action)) +
        "01 56 0E 42 01 0A 03 42 05 99 02 68 69 01 01 01";

    [Fact]
    public void Item_10_decodes_to_its_envelope()
    {
        var payload = Hex.Bytes(Item10);
        var message = new BinarySessionReader().ReadMessage(payload, 0, payload.Length);

        Assert.Equal(Action, message.Action);
        Assert.Null(message.MessageId);
        Assert.Null(message.To);
        Assert.Empty(message.OtherHeaders);
        Assert.False(message.IsFault);
        Assert.Equal("<Echo xmlns=\"http://tempuri.org/\"><text>hi</text></Echo>", EnvelopeXml.RenderDocument(message.Body.GetReader()));
    }

    [Fact]
    public void Item_10_written_by_us_puts_the_action_into_the_table_too()
    {
        // WCF writes a contract's action as a session string (capture: a:Action is AB 01); the rest is item 10 renumbered.
        var expected =
            "3C 1D" + Hex.Of(System.Text.Encoding.UTF8.GetBytes(Action)) + "04 4563686F 13 687474703A2F2F74656D707572692E6F72672F 04 74657874" +
            "56 02 0B 01 73 04 0B 01 61 06 56 08 44 0A 1E 00 82 AB 01 01 56 0E 42 03 0A 05 42 07 99 02 68 69 01 01 01";

        Assert.Equal(Hex.Of(Hex.Bytes(expected)), Hex.Of(Write(new BinarySessionWriter(), EchoText("hi"))));
    }

    [Fact]
    public void Item_11_message_id_reply_to_and_to_headers()
    {
        var id = Guid.Parse("376ad67d-794b-4806-938b-3c39399467b6");
        var message = new Message("urn:a", MessageBody.Empty)
        {
            MessageId = new UniqueId(id),
            ReplyTo = HarnessMessages.Anonymous,
            To = HarnessMessages.Anonymous,
        };

        var expected = "06 05 75726E3A61" +
            "56 02 0B 01 73 04 0B 01 61 06 56 08" +
            "44 0A 1E 00 82 AB 01" +
            "44 1A AD" + Hex.Of(id.ToByteArray()) +
            "44 2C 44 2A AB 14 01" +
            "44 0C 1E 00 82 AB 14" +
            "01 56 0E 01 01";
        Assert.Equal(Hex.Of(Hex.Bytes(expected)), Hex.Of(Write(new BinarySessionWriter(), message)));
    }

    [Fact]
    public void Item_12_a_second_message_has_table_00_and_reuses_the_ids()
    {
        var writer = new BinarySessionWriter();
        var reader = new BinarySessionReader();
        var first = Write(writer, EchoText("hi"));
        var second = Write(writer, EchoText("again"));

        // The same envelope as the first (after its 0x3D-byte table), with table 00 and the new text.
        Assert.Equal("00" + Hex.Of(first.AsSpan(0x3D)).Replace("99026869", "9905" + Hex.Of("again"u8)), Hex.Of(second));
        reader.ReadMessage(first, 0, first.Length);
        var message = reader.ReadMessage(second, 0, second.Length);
        Assert.Equal(Action, message.Action);
        Assert.Equal("<Echo xmlns=\"http://tempuri.org/\"><text>again</text></Echo>", EnvelopeXml.RenderDocument(message.Body.GetReader()));
    }

    [Fact]
    public void Item_13_strings_beyond_the_session_quota_are_written_inline()
    {
        var writer = new BinarySessionWriter();
        var reader = new BinarySessionReader();
        // 25 names of 100 bytes cost 101 bytes each: 20 fit into 2048 (2020 bytes), the rest go inline.
        var names = Enumerable.Range(0, 25).Select(i => $"{i:D2}" + new string('n', 98)).ToList();
        var first = Write(writer, Elements(names));

        var table = TableOf(first);
        Assert.Equal(names.Take(20), table.Skip(1)); // table[0] is the action
        var message = reader.ReadMessage(first, 0, first.Length);
        Assert.Equal(string.Concat(names.Select(n => $"<{n} xmlns=\"urn:q\"></{n}>")), EnvelopeXml.RenderDocument(message.Body.GetReader()));

        // 2048 - 2020 - 6 (the action) leaves 22 bytes: a 21-byte string still fits, a second one no longer does.
        var second = Write(writer, Elements(["short-name-of-20-ch", "another-name-20-char", .. names]));
        Assert.Equal(["short-name-of-20-ch"], TableOf(second));
        message = reader.ReadMessage(second, 0, second.Length);
        Assert.StartsWith("<short-name-of-20-ch xmlns=\"urn:q\"></short-name-of-20-ch><another-name-20-char", EnvelopeXml.RenderDocument(message.Body.GetReader()));
    }

    [Fact]
    public void Item_13_an_incoming_table_over_the_quota_faults_the_reader()
    {
        var reader = new BinarySessionReader();
        var fits = Write(new BinarySessionWriter(maxSessionSize: 2048), Elements(Enumerable.Range(0, 19).Select(i => $"{i:D2}" + new string('n', 98)).ToList()));
        reader.ReadMessage(fits, 0, fits.Length);

        var tooMuch = Write(new BinarySessionWriter(maxSessionSize: 4096), Elements(Enumerable.Range(0, 21).Select(i => $"{i:D2}" + new string('m', 98)).ToList()));
        var error = Assert.Throws<QuotaExceededException>(() => reader.ReadMessage(tooMuch, 0, tooMuch.Length));
        Assert.Contains("MaxSessionSize", error.Message);

        // The reader is now out of step with its peer: everything after is refused.
        Assert.Throws<ProtocolException>(() => reader.ReadMessage(fits, 0, fits.Length));
    }

    [Fact]
    public void A_lower_quota_agreed_by_both_sides_is_honoured()
    {
        var writer = new BinarySessionWriter(maxSessionSize: 30);
        var reader = new BinarySessionReader(maxSessionSize: 30);
        var payload = Write(writer, EchoText("hi")); // the 30-byte action fits alone; the rest goes inline
        Assert.Equal([Action], TableOf(payload));
        Assert.Equal("<Echo xmlns=\"http://tempuri.org/\"><text>hi</text></Echo>",
            EnvelopeXml.RenderDocument(reader.ReadMessage(payload, 0, payload.Length).Body.GetReader()));
    }

    // Item 14: the example document of [MC-NBFS] section 3, and the same document with the [MC-NBFSE] section 3 table.
    private const string SpecDocumentXml =
        "<s:Envelope xmlns:a=\"http://www.w3.org/2005/08/addressing\" xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">" +
        "<s:Header><a:Action s:mustUnderstand=\"1\">action</a:Action></s:Header><s:Body><Inventory>0</Inventory></s:Body></s:Envelope>";
    private const string NbfsExample = "56 02 0B 01 61 06 0B 01 73 04 56 08 44 0A 1E 00 82 99 06 616374696F6E 01 56 0E 40 09 496E76656E746F7279 81 01 01";
    private const string NbfseTable = "11 06 616374696F6E 09 496E76656E746F7279";
    private const string NbfseExample = "56 02 0B 01 61 06 0B 01 73 04 56 08 44 0A 1E 00 82 AB 01 01 56 0E 42 03 81 01 01";

    [Theory]
    [InlineData("00", NbfsExample)]
    [InlineData(NbfseTable, NbfseExample)]
    public void Item_14_the_spec_examples_decode_to_the_spec_document(string table, string document)
    {
        var payload = Hex.Bytes(table + document);
        var message = new BinarySessionReader().ReadMessage(payload, 0, payload.Length);
        Assert.Equal("action", message.Action);
        Assert.Equal("<Inventory>0</Inventory>", EnvelopeXml.RenderDocument(message.Body.GetReader()));

        var session = new XmlBinaryReaderSession();
        session.Add(0, "action");
        session.Add(1, "Inventory");
        var documentBytes = Hex.Bytes(document);
        using var raw = XmlDictionaryReader.CreateBinaryReader(documentBytes, 0, documentBytes.Length, NbfsStaticDictionary.Dictionary, XmlDictionaryReaderQuotas.Max, session);
        Assert.Equal(SpecDocumentXml, EnvelopeXml.RenderDocument(raw));
    }

    [Fact]
    public void Item_14_our_writer_produces_the_nbfse_example_with_wcfs_order_of_the_two_prefixes()
    {
        // The spec declares xmlns:a first; WCF (see the capture) and we declare xmlns:s first. Otherwise byte for byte.
        var message = new Message("action", MessageBody.FromWriter(w =>
        {
            w.WriteStartElement(new XmlDictionaryString(Names, "Inventory", 0), XmlDictionaryString.Empty);
            w.WriteValue(0);
            w.WriteEndElement();
        }));
        var expected = NbfseTable + NbfseExample.Replace("0B 01 61 06 0B 01 73 04", "0B 01 73 04 0B 01 61 06");

        Assert.Equal(Hex.Of(Hex.Bytes(expected)), Hex.Of(Write(new BinarySessionWriter(), message)));
    }

    private static readonly XmlDictionary Names = new();

    private static Message EchoText(string text) => new(Action, MessageBody.FromWriter(w =>
    {
        var ns = new XmlDictionaryString(Names, "http://tempuri.org/", 0);
        w.WriteStartElement(new XmlDictionaryString(Names, "Echo", 0), ns);
        w.WriteStartElement(new XmlDictionaryString(Names, "text", 0), ns);
        w.WriteString(text);
        w.WriteEndElement();
        w.WriteEndElement();
    }));

    private static Message Elements(IReadOnlyList<string> names) => new("urn:q", MessageBody.FromWriter(w =>
    {
        foreach (var name in names)
        {
            w.WriteStartElement(new XmlDictionaryString(Names, name, 0), new XmlDictionaryString(Names, "urn:q", 0));
            w.WriteEndElement();
        }
    }));

    private static List<string> TableOf(byte[] payload) => SessionStringTable.Read(payload, int.MaxValue, out _, out _);

    private static byte[] Write(BinarySessionWriter writer, Message message)
    {
        var output = new ArrayBufferWriter<byte>();
        writer.WriteMessage(message, output);
        return output.WrittenSpan.ToArray();
    }
}
