using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Encoding;
using Ikosa.Tests.Support;
using static Ikosa.Tests.Support.BinaryEnvelopes;

namespace Ikosa.Tests.ServiceModel.Wire;

/// <summary>How the reader treats headers other peers may send.</summary>
public class EnvelopeHeaderTests
{
    private const string Addressing = "http://www.w3.org/2005/08/addressing";

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void Unknown_headers_are_kept_with_their_must_understand_flag(string? mustUnderstand, bool expected)
    {
        var message = Read(WithHeaders(Action("urn:a"), Header("x", "Custom", "urn:x", "v", mustUnderstand)));

        Assert.Equal([new MessageHeaderInfo("Custom", "urn:x", expected)], message.OtherHeaders);
    }

    [Fact]
    public void Addressing_headers_this_runtime_does_not_process_are_kept_too()
    {
        var message = Read(WithHeaders(Action("urn:a"), Header("a", "FaultTo", Addressing, "urn:f")));
        Assert.Equal([new MessageHeaderInfo("FaultTo", Addressing, false)], message.OtherHeaders);
    }

    [Fact]
    public void Reply_to_reference_parameters_are_skipped()
    {
        var message = Read(WithHeaders(Action("urn:a"), w =>
        {
            w.WriteStartElement("a", "ReplyTo", Addressing);
            w.WriteStartElement("a", "Address", Addressing);
            w.WriteString("net.tcp://client/");
            w.WriteEndElement();
            w.WriteStartElement("a", "ReferenceParameters", Addressing);
            w.WriteElementString("p", "urn:p", "1");
            w.WriteEndElement();
            w.WriteEndElement();
        }));
        Assert.Equal("net.tcp://client/", message.ReplyTo);
        Assert.Empty(message.OtherHeaders);
    }

    [Fact]
    public void An_invalid_must_understand_value_is_refused()
    {
        var error = Assert.Throws<ProtocolException>(() => Read(WithHeaders(Action("urn:a"), Header("x", "Custom", "urn:x", "v", "yes"))));
        Assert.Contains("mustUnderstand", error.Message);
    }

    [Fact]
    public void A_message_without_an_action_is_refused()
    {
        var error = Assert.Throws<ProtocolException>(() => Read(WithHeaders(Header("x", "Custom", "urn:x", "v"))));
        Assert.Contains("Action", error.Message);
        Assert.Throws<ProtocolException>(() => Read(Payload(w =>
        {
            w.WriteStartElement("s", NbfsStrings.Envelope, NbfsStrings.Soap12Namespace);
            w.WriteStartElement("s", NbfsStrings.Body, NbfsStrings.Soap12Namespace);
            w.WriteEndElement();
            w.WriteEndElement();
        })));
    }

    [Fact]
    public void A_repeated_addressing_header_is_refused()
    {
        var error = Assert.Throws<ProtocolException>(() => Read(WithHeaders(Action("urn:a"), Action("urn:b"))));
        Assert.Contains("more than one", error.Message);
    }

    [Fact]
    public void A_soap_11_envelope_is_refused()
    {
        var error = Assert.Throws<ProtocolException>(() => Read(Payload(w =>
        {
            w.WriteStartElement("s", "Envelope", "http://schemas.xmlsoap.org/soap/envelope/");
            w.WriteStartElement("s", "Body", "http://schemas.xmlsoap.org/soap/envelope/");
            w.WriteEndElement();
            w.WriteEndElement();
        })));
        Assert.Contains("SOAP 1.2", error.Message);
    }

    [Fact]
    public void Content_after_the_envelope_is_refused()
    {
        var envelope = WithHeaders(Action("urn:a"));
        // The XML reader itself refuses a second root element; either way it is a ProtocolException.
        Assert.Throws<ProtocolException>(() => Read([.. envelope, .. Payload(w => w.WriteElementString("extra", "x")).AsSpan(1)]));
    }

    [Fact]
    public void A_non_guid_message_id_is_read_as_text()
    {
        var message = Read(WithHeaders(Action("urn:a"), Header("a", "MessageID", Addressing, "urn:my-id-1")));
        Assert.Equal("urn:my-id-1", message.MessageId?.ToString());
    }

    private static Message Read(byte[] payload) => new BinarySessionReader().ReadMessage(payload, 0, payload.Length);
}
