using System.Xml;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Encoding;
using Ikosa.Tests.Support;
using static Ikosa.Tests.Support.BinaryEnvelopes;

namespace Ikosa.Tests.ServiceModel.Wire;

/// <summary>
/// The header shortcut reads what stock WCF sends, reads it exactly as the XML reader does, and declines everything
/// else rather than judging it.
/// </summary>
public class HeaderBlockScannerTests
{
    private const string Addressing = "http://www.w3.org/2005/08/addressing";
    private static readonly CaptureFile Capture = CaptureFile.LoadStockEchoSession();
    private static readonly XmlDictionaryReaderQuotas Quotas = new();

    [Fact]
    public void Every_captured_envelope_takes_the_shortcut_and_reads_as_the_xml_reader_does()
    {
        var envelopes = 0;
        foreach (var (envelope, session) in CapturedEnvelopes())
        {
            Assert.True(HeaderBlockScanner.TryRead(envelope, session, Quotas, out var scanned, out _, out _), Convert.ToHexString(envelope));
            AssertSameHeaders(ReadWithXmlReader(envelope, session), scanned!);
            envelopes++;
        }
        Assert.Equal(169, envelopes);
    }

    [Fact]
    public void Corrupted_or_cut_envelopes_are_declined_or_read_as_the_xml_reader_reads_them()
    {
        var checkedCases = 0;
        foreach (var (envelope, session) in CapturedEnvelopes().Take(12))
        {
            Assert.True(HeaderBlockScanner.TryRead(envelope, session, Quotas, out _, out _, out var bodyOffset));
            var variants = Enumerable.Range(0, bodyOffset).Select(length => envelope[..length]).ToList();
            foreach (var mask in new byte[] { 0xFF, 0x01, 0x80, 0x40 })
            {
                for (var index = 0; index < bodyOffset; index++)
                {
                    var corrupted = (byte[])envelope.Clone();
                    corrupted[index] ^= mask;
                    variants.Add(corrupted);
                }
            }
            foreach (var variant in variants)
            {
                if (!HeaderBlockScanner.TryRead(variant, session, Quotas, out var scanned, out _, out _))
                    continue;
                // Accepted: the XML reader must read the same headers from the same bytes.
                var expected = ReadWithXmlReader(variant, session);
                AssertSameHeaders(expected, scanned!);
                checkedCases++;
            }
        }
        Assert.True(checkedCases > 0, "no corruption was accepted, so nothing was compared");
    }

    [Fact]
    public void Envelopes_of_other_shapes_are_declined()
    {
        var session = new XmlBinaryReaderSession();
        var shapes = new Dictionary<string, byte[]>
        {
            ["a header of another namespace"] = WithHeaders(Action("urn:a"), Header("x", "Custom", "urn:x", "v")),
            ["an addressing header it does not read"] = WithHeaders(Action("urn:a"), Header("a", "FaultTo", Addressing, "urn:f")),
            ["a repeated Action"] = WithHeaders(Action("urn:a"), Action("urn:b")),
            ["no Action"] = WithHeaders(Header("a", "To", Addressing, "urn:t")),
            ["mustUnderstand as text"] = WithHeaders(Header("a", "Action", Addressing, "urn:a", "true")),
            ["names written as text"] = Payload(w =>
            {
                w.WriteStartElement("s", "Envelope", NbfsStrings.Soap12Namespace.Value);
                w.WriteStartElement("s", "Header", NbfsStrings.Soap12Namespace.Value);
                w.WriteEndElement();
                w.WriteStartElement("s", "Body", NbfsStrings.Soap12Namespace.Value);
                w.WriteEndElement();
                w.WriteEndElement();
            }),
        };
        foreach (var (shape, payload) in shapes)
            Assert.False(HeaderBlockScanner.TryRead(payload.AsSpan(1), session, Quotas, out _, out _, out _), shape);
    }

    [Fact]
    public void A_repeated_action_the_shortcut_declines_is_still_refused()
    {
        var payload = WithHeaders(Action("urn:a"), Action("urn:b"));
        var error = Assert.ThrowsAny<ProtocolException>(() => new BinarySessionReader().ReadMessage(payload, 0, payload.Length));
        Assert.Contains("more than one a:Action", error.Message);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(9000, false)]
    public void An_action_over_the_string_quota_is_left_to_the_xml_reader_which_refuses_it(int length, bool readable)
    {
        var action = "urn:" + new string('x', length - 4);
        var payload = Hex.Bytes("00 56 02 0B 01 73 04 0B 01 61 06 56 08 44 0A 9B")
            .Concat(BitConverter.GetBytes((ushort)length)).Concat(System.Text.Encoding.UTF8.GetBytes(action))
            .Concat(Hex.Bytes("01 56 0E 01 01")).ToArray();

        Assert.Equal(readable, HeaderBlockScanner.TryRead(payload.AsSpan(1), new XmlBinaryReaderSession(), Quotas, out _, out _, out _));
        if (readable)
            Assert.Equal(action, new BinarySessionReader().ReadMessage(payload, 0, payload.Length).Action);
        else
            Assert.Contains("quota", Assert.ThrowsAny<ProtocolException>(() => new BinarySessionReader().ReadMessage(payload, 0, payload.Length)).Message);
    }

    /// <summary>Each captured envelope without its string table, with the session that table and the earlier ones built.</summary>
    private static IEnumerable<(byte[] Envelope, XmlBinaryReaderSession Session)> CapturedEnvelopes()
    {
        foreach (var stream in Capture.Streams)
        {
            var session = new XmlBinaryReaderSession();
            var count = 0;
            foreach (var record in stream.Envelopes)
            {
                var payload = CaptureDecodeTests.PayloadOf(record);
                var strings = SessionStringTable.Read(payload, int.MaxValue, out var tableSize, out _);
                foreach (var value in strings)
                    session.Add(count++, value);
                yield return (payload[tableSize..], session);
            }
        }
    }

    private static EnvelopeHeaders ReadWithXmlReader(byte[] envelope, XmlBinaryReaderSession session)
    {
        using var reader = XmlDictionaryReader.CreateBinaryReader(envelope, 0, envelope.Length, NbfsStaticDictionary.Dictionary, Quotas, session);
        return EnvelopeReader.ReadHeadersAndCheckBody(reader);
    }

    private static void AssertSameHeaders(EnvelopeHeaders expected, EnvelopeHeaders actual)
    {
        Assert.Equal(expected.Action, actual.Action);
        Assert.Equal(expected.MessageId, actual.MessageId);
        Assert.Equal(expected.RelatesTo, actual.RelatesTo);
        Assert.Equal(expected.ReplyTo, actual.ReplyTo);
        Assert.Equal(expected.To, actual.To);
        Assert.Empty(actual.OtherHeaders);
        Assert.Empty(expected.OtherHeaders);
    }
}
