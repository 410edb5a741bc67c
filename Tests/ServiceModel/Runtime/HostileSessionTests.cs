using System.Text;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel.Runtime;

/// <summary>
/// What the server does with bad preambles and garbage: the right framing fault or a closed connection, never a hang,
/// while a well-behaved session on the same host keeps working.
/// </summary>
public class HostileSessionTests : IAsyncLifetime
{
    private LoopbackHost _host = null!;
    private DuplexChannelFactory<IEchoService> _factory = null!;
    private IEchoService _goodSession = null!;

    public async Task InitializeAsync()
    {
        _host = await LoopbackHost.StartAsync<EchoService, IEchoService>(h =>
            h.Endpoints.Single().Binding.MaxReceivedMessageSize = 4096);
        _factory = _host.DuplexFactory<IEchoService>(new EchoCallback());
        _goodSession = _factory.CreateChannel();
        Assert.Equal("before:1", _goodSession.Echo(1, "before"));
    }

    public async Task DisposeAsync()
    {
        // Every hostile case must leave the well-behaved session working.
        Assert.Equal("after:2", _goodSession.Echo(2, "after"));
        _factory.Close();
        await _host.DisposeAsync();
    }

    private string Via(string path = "/echo") => $"net.tcp://127.0.0.1:{_host.Port}{path}";

    private static byte[] Preamble(string via, byte[]? encoding = null, byte mode = 0x02, byte major = 0x01)
    {
        var viaBytes = Encoding.UTF8.GetBytes(via);
        var bytes = new List<byte> { 0x00, major, 0x00, 0x01, mode, 0x02 };
        bytes.AddRange(VarInt(viaBytes.Length));
        bytes.AddRange(viaBytes);
        bytes.AddRange(encoding ?? [0x03, 0x08]);
        return bytes.ToArray();
    }

    private static byte[] VarInt(int value)
    {
        var buffer = new byte[5];
        return buffer[..MultiByteInt31.Write(buffer, value)];
    }

    private async Task<ReceivedRecord?> SendAndReadAsync(params byte[][] parts)
    {
        await using var raw = await RawConnection.ConnectAsync(_host.Port);
        await raw.SendAsync(parts.SelectMany(p => p).ToArray());
        var record = await raw.ReadRecordAsync();
        Assert.True(await raw.ClosedByServerAsync(), "the server closes the connection after a framing fault");
        return record;
    }

    private static void AssertFault(ReceivedRecord? record, FramingFault expected)
    {
        Assert.NotNull(record);
        Assert.Equal(FramingRecordType.Fault, record.Type);
        Assert.Equal(FramingFaults.ToUri(expected), record.Text);
    }

    [Fact]
    public async Task Unknown_via_path_gets_EndpointNotFound() =>
        AssertFault(await SendAndReadAsync(Preamble(Via("/nowhere")), [0x0C]), FramingFault.EndpointNotFound);

    [Fact]
    public async Task Text_encoding_gets_ContentTypeInvalid() =>
        AssertFault(await SendAndReadAsync(Preamble(Via(), [0x03, 0x03]), [0x0C]), FramingFault.ContentTypeInvalid);

    [Fact]
    public async Task Binary_session_encoding_as_extensible_content_type_is_accepted()
    {
        var contentType = Encoding.UTF8.GetBytes(ContentTypes.BinarySession);
        await using var raw = await RawConnection.ConnectAsync(_host.Port);
        await raw.SendAsync([.. Preamble(Via(), [0x04, .. VarInt(contentType.Length), .. contentType]), 0x0C]);
        Assert.Equal(FramingRecordType.PreambleAck, (await raw.ReadRecordAsync())!.Type);
    }

    [Fact]
    public async Task Version_2_gets_UnsupportedVersion() =>
        AssertFault(await SendAndReadAsync(Preamble(Via(), major: 0x02)), FramingFault.UnsupportedVersion);

    [Fact]
    public async Task Simplex_mode_gets_UnsupportedMode() =>
        AssertFault(await SendAndReadAsync(Preamble(Via(), mode: 0x03)), FramingFault.UnsupportedMode);

    [Fact]
    public async Task Via_over_2048_bytes_gets_ViaTooLong() =>
        AssertFault(await SendAndReadAsync(Preamble(Via("/" + new string('x', 2100)))), FramingFault.ViaTooLong);

    [Fact]
    public async Task Content_type_over_256_bytes_gets_ContentTypeTooLong()
    {
        var contentType = Encoding.UTF8.GetBytes("application/" + new string('x', 300));
        AssertFault(await SendAndReadAsync(Preamble(Via(), [0x04, .. VarInt(contentType.Length), .. contentType])), FramingFault.ContentTypeTooLong);
    }

    [Theory]
    [InlineData("application/ssl-tls")]
    [InlineData("application/negotiate")]
    public async Task Upgrade_on_a_None_endpoint_gets_UpgradeInvalid_without_a_hang(string protocol)
    {
        var name = Encoding.UTF8.GetBytes(protocol);
        AssertFault(await SendAndReadAsync(Preamble(Via()), [0x09, .. VarInt(name.Length), .. name]), FramingFault.UpgradeInvalid);
    }

    [Fact]
    public async Task Envelope_over_MaxReceivedMessageSize_gets_MaxMessageSizeExceeded()
    {
        await using var raw = await RawConnection.ConnectAsync(_host.Port);
        await raw.SendAsync([.. Preamble(Via()), 0x0C]);
        Assert.Equal(FramingRecordType.PreambleAck, (await raw.ReadRecordAsync())!.Type);

        await raw.SendAsync([0x06, .. VarInt(70_000)]);

        AssertFault(await raw.ReadRecordAsync(), FramingFault.MaxMessageSizeExceeded);
        Assert.True(await raw.ClosedByServerAsync());
    }

    [Theory]
    [InlineData("random bytes", new byte[] { 0x5A, 0xC3, 0x11, 0xFE, 0x00, 0x42, 0x99 })]
    [InlineData("six-byte varint", new byte[] { 0x06, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    [InlineData("zero-size envelope", new byte[] { 0x06, 0x00 })]
    [InlineData("preamble record inside the session", new byte[] { 0x00, 0x01, 0x00 })]
    [InlineData("envelope that is not binary XML", new byte[] { 0x06, 0x04, 0x00, 0xFF, 0xFF, 0xFF })]
    [InlineData("string table larger than its envelope", new byte[] { 0x06, 0x03, 0x7F, 0x01, 0x41 })]
    public async Task Garbage_inside_a_session_closes_that_connection(string what, byte[] garbage)
    {
        await using var raw = await RawConnection.ConnectAsync(_host.Port);
        await raw.SendAsync([.. Preamble(Via()), 0x0C]);
        Assert.Equal(FramingRecordType.PreambleAck, (await raw.ReadRecordAsync())!.Type);

        await raw.SendAsync(garbage);

        Assert.True(await raw.ClosedByServerAsync(), what);
    }

    [Fact]
    public async Task Garbage_instead_of_a_preamble_closes_the_connection()
    {
        await using var raw = await RawConnection.ConnectAsync(_host.Port);
        await raw.SendAsync([0x5A, 0xC3, 0x11, 0xFE]);
        Assert.True(await raw.ClosedByServerAsync());
    }

    [Fact]
    public async Task Truncated_record_then_half_close_closes_the_connection()
    {
        await using var raw = await RawConnection.ConnectAsync(_host.Port);
        await raw.SendAsync([.. Preamble(Via()), 0x0C]);
        Assert.Equal(FramingRecordType.PreambleAck, (await raw.ReadRecordAsync())!.Type);

        await raw.SendAsync([0x06, 0x40, 0x00, 0x01]);
        raw.ShutdownSend();

        Assert.True(await raw.ClosedByServerAsync());
    }

    [Fact]
    public async Task Half_close_after_the_preamble_is_cleaned_up()
    {
        await using var raw = await RawConnection.ConnectAsync(_host.Port);
        await raw.SendAsync(Preamble(Via()));
        raw.ShutdownSend();
        Assert.True(await raw.ClosedByServerAsync());
    }

    [Fact]
    public async Task Unknown_action_gets_ActionNotSupported_and_the_session_goes_on()
    {
        var wrong = new DuplexChannelFactory<IWrongEcho>(new EchoCallback(), LoopbackHost.Binding(), new EndpointAddress(_host.Address().AbsoluteUri));
        var proxy = wrong.CreateChannel();

        Assert.Throws<ActionNotSupportedException>(() => proxy.Shout("hello"));
        Assert.Equal("still:3", proxy.Echo(3, "still"));
        wrong.Close();
    }

    [Fact]
    public async Task Unknown_mustUnderstand_header_gets_a_MustUnderstand_fault()
    {
        await using var raw = await RawConnection.ConnectAsync(_host.Port);
        await raw.SendAsync([.. Preamble(Via()), 0x0C]);
        Assert.Equal(FramingRecordType.PreambleAck, (await raw.ReadRecordAsync())!.Type);
        var request = HarnessMessages.TwoWayRequest(Guid.NewGuid(), "Echo", ("n", 1), ("s", "x"));
        request.To = _host.Address().AbsoluteUri;

        await raw.SendAsync(EncodeWithHeader(request, "Secret", "urn:unknown"));

        var reply = await raw.ReadMessageAsync();
        Assert.True(reply.IsFault);
        Assert.Contains("MustUnderstand", EnvelopeXml.Render(reply));
    }

    [Fact]
    public async Task A_request_body_that_cannot_be_read_gets_WCFs_DeserializationFailed_fault_and_the_session_goes_on()
    {
        await using var raw = await RawConnection.ConnectAsync(_host.Port);
        await raw.SendAsync([.. Preamble(Via()), 0x0C]);
        Assert.Equal(FramingRecordType.PreambleAck, (await raw.ReadRecordAsync())!.Type);
        var id = Guid.NewGuid();
        var request = HarnessMessages.TwoWayRequest(id, "Echo", ("n", 1), ("s", "x"));
        request.To = _host.Address().AbsoluteUri;
        var sent = EnvelopeXml.Render(request);
        var unreadable = sent.Replace(">1</n>", ">one</n>", StringComparison.Ordinal);
        Assert.NotEqual(sent, unreadable);

        await raw.SendAsync(EncodeText(unreadable));
        var fault = EnvelopeXml.Render(await raw.ReadMessageAsync());

        var reason = fault[(fault.IndexOf("<s:Text xml:lang=\"\">", StringComparison.Ordinal) + "<s:Text xml:lang=\"\">".Length)..fault.IndexOf("</s:Text>", StringComparison.Ordinal)];
        Assert.StartsWith("The formatter threw an exception while trying to deserialize the message: Error in deserializing body of request message for operation 'Echo'.", reason);
        Assert.Equal(
            "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>" +
            "<a:Action s:mustUnderstand=\"1\">http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher/fault</a:Action>" +
            $"<a:RelatesTo>urn:uuid:{id}</a:RelatesTo><a:To s:mustUnderstand=\"1\">http://www.w3.org/2005/08/addressing/anonymous</a:To></s:Header>" +
            "<s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value xmlns:a=\"http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher\">a:DeserializationFailed</s:Value></s:Subcode></s:Code>" +
            $"<s:Reason><s:Text xml:lang=\"\">{reason}</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>",
            fault);

        var next = HarnessMessages.TwoWayRequest(Guid.NewGuid(), "Echo", ("n", 2), ("s", "still"));
        next.To = _host.Address().AbsoluteUri;
        await raw.SendAsync(EncodeText(EnvelopeXml.Render(next)));
        var reply = await raw.ReadMessageAsync();
        Assert.Equal(HarnessMessages.ActionOf("EchoResponse"), reply.Action);
        Assert.Contains(">still:2<", EnvelopeXml.Render(reply), StringComparison.Ordinal);
    }

    /// <summary>A request with an extra mustUnderstand header, written by hand in text XML and re-encoded in binary.</summary>
    private static byte[] EncodeWithHeader(Ikosa.ServiceModel.Channels.Message request, string name, string ns) =>
        EncodeText(EnvelopeXml.Render(request).Replace("</s:Header>", $"<h:{name} xmlns:h=\"{ns}\" s:mustUnderstand=\"1\">x</h:{name}></s:Header>"));

    /// <summary>An envelope written as text XML, re-encoded in binary as a sized envelope record (no session strings).</summary>
    private static byte[] EncodeText(string xml)
    {
        var envelope = new MemoryStream();
        using (var writer = System.Xml.XmlDictionaryWriter.CreateBinaryWriter(envelope))
        using (var reader = System.Xml.XmlReader.Create(new StringReader(xml)))
            writer.WriteNode(reader, defattr: true);
        var payload = new byte[] { 0x00 }.Concat(envelope.ToArray()).ToArray();
        return [0x06, .. VarInt(payload.Length), .. payload];
    }
}

/// <summary>A client's idea of the echo contract with an operation the service does not have.</summary>
[ServiceContract(Name = "IEchoService", Namespace = "urn:harness", CallbackContract = typeof(IEchoCallback))]
public interface IWrongEcho
{
    [OperationContract]
    string Echo(int n, string s);

    [OperationContract]
    string Shout(string s);
}
