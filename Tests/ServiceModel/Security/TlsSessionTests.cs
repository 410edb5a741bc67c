using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Framing;
using Ikosa.ServiceModel.Security;
using Ikosa.Tests.ServiceModel.Runtime;

namespace Ikosa.Tests.ServiceModel.Security;

/// <summary>
/// SecurityMode.Transport over real loopback: the upgrade framed as WCF frames it, calls and callbacks inside TLS,
/// the client's certificate checks, and clients with the wrong security mode refused with UpgradeInvalid, never a hang.
/// </summary>
public sealed class TlsSessionTests : IAsyncLifetime
{
    private readonly X509Certificate2 _certificate = TestCertificates.CreateSelfSigned();
    private LoopbackHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await LoopbackHost.StartAsync<EchoService, IEchoService>(host =>
        {
            host.Endpoints.Single().Binding.Security.Mode = SecurityMode.Transport;
            host.Description.ServiceCertificate = _certificate;
        });
    }

    public async Task DisposeAsync()
    {
        // Whatever a test did to it, the host still serves a well-behaved TLS client.
        var factory = PinnedFactory(new EchoCallback());
        Assert.Equal("after:1", factory.CreateChannel().Echo(1, "after"));
        factory.Close();
        await _host.DisposeAsync();
        _certificate.Dispose();
    }

    private static NetTcpBinding TlsBinding()
    {
        var binding = LoopbackHost.Binding();
        binding.Security.Mode = SecurityMode.Transport;
        return binding;
    }

    /// <summary>The host's echo endpoint by the name its certificate carries.</summary>
    private EndpointAddress Address => new($"net.tcp://localhost:{_host.Port}/echo");

    private DuplexChannelFactory<IEchoService> Factory(EchoCallback callback, NetTcpBinding? binding = null) =>
        new(callback, binding ?? TlsBinding(), Address);

    private DuplexChannelFactory<IEchoService> PinnedFactory(EchoCallback callback)
    {
        var factory = Factory(callback);
        factory.ServerCertificate.TrustCertificate(_certificate);
        return factory;
    }

    [Fact]
    public async Task Calls_and_callbacks_work_over_TLS()
    {
        var callback = new EchoCallback(expectedTicks: 3);
        var factory = PinnedFactory(callback);
        var proxy = factory.CreateChannel();

        Assert.Equal("secret:7", proxy.Echo(7, "secret"));
        proxy.StartCallbacks(3, "tick");
        await callback.AllTicksReceived.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("server got client pong 5", proxy.CallMeBack(5));
        Assert.Equal([1, 2, 3], callback.Ticks);

        ((IClientChannel)proxy).Close();
        Assert.Equal(CommunicationState.Closed, ((IClientChannel)proxy).State);
        factory.Close();
    }

    [Fact]
    public async Task The_upgrade_is_framed_as_WCF_frames_it()
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _host.Port);
        await using var network = new NetworkStream(socket, ownsSocket: false);
        var upgrade = Encoding.UTF8.GetBytes(UpgradeProtocols.SslTls);
        await network.WriteAsync((byte[])[.. RawPreamble.Bytes(Address.Uri.AbsoluteUri), 0x09, (byte)upgrade.Length, .. upgrade]);

        Assert.Equal(0x0A, await ReadByteAsync(network));

        await using var tls = new SslStream(network, leaveInnerStreamOpen: true, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync("localhost");
        Assert.Equal(_certificate.Thumbprint, new X509Certificate2(tls.RemoteCertificate!).Thumbprint);
        await tls.WriteAsync((byte[])[0x0C]);
        Assert.Equal(0x0B, await ReadByteAsync(tls));
        await tls.WriteAsync((byte[])[0x07]);
        Assert.Equal(0x07, await ReadByteAsync(tls));
    }

    [Fact]
    public void A_sha1_thumbprint_pins_the_certificate_too()
    {
        var factory = Factory(new EchoCallback());
        factory.ServerCertificate.TrustedCertificateThumbprint = _certificate.Thumbprint;

        Assert.Equal("sha1:2", factory.CreateChannel().Echo(2, "sha1"));
        factory.Close();
    }

    [Fact]
    public void An_untrusted_certificate_is_refused_with_a_clear_error()
    {
        var factory = Factory(new EchoCallback());
        var proxy = (IClientChannel)factory.CreateChannel();

        var error = Assert.Throws<SecurityNegotiationException>(() => proxy.Open());

        Assert.Contains("is not trusted", error.Message);
        Assert.Contains("trustedCertificate", error.Message);
        Assert.Equal(CommunicationState.Faulted, proxy.State);
    }

    [Fact]
    public void A_certificate_for_another_host_name_is_refused()
    {
        var factory = PinnedFactory(new EchoCallback());
        factory.ServerCertificate.DnsIdentity = "game-master.example";

        var error = Assert.Throws<SecurityNegotiationException>(() => ((IClientChannel)factory.CreateChannel()).Open());

        Assert.Contains("was not issued for 'game-master.example'", error.Message);
    }

    [Fact]
    public void A_pinned_certificate_may_be_accepted_whatever_name_the_client_connects_by()
    {
        var factory = PinnedFactory(new EchoCallback());
        factory.ServerCertificate.DnsIdentity = "game-master.example";
        factory.ServerCertificate.CheckPinnedCertificateName = false;

        Assert.Equal("renamed:3", factory.CreateChannel().Echo(3, "renamed"));
        factory.Close();
    }

    [Fact]
    public void A_refusal_carries_the_certificate_the_server_presented()
    {
        using var other = TestCertificates.CreateSelfSigned();
        var factory = Factory(new EchoCallback());
        factory.ServerCertificate.TrustCertificate(other);

        var error = Assert.Throws<SecurityNegotiationException>(() => ((IClientChannel)factory.CreateChannel()).Open());

        Assert.NotNull(error.ServerCertificate);
        Assert.Equal(_certificate.Thumbprint, error.ServerCertificate.Thumbprint);
        Assert.False(error.ServerCertificate.HasPrivateKey);
    }

    [Fact]
    public void A_different_pinned_certificate_is_refused()
    {
        using var other = TestCertificates.CreateSelfSigned();
        var factory = Factory(new EchoCallback());
        factory.ServerCertificate.TrustCertificate(other);

        var error = Assert.Throws<SecurityNegotiationException>(() => ((IClientChannel)factory.CreateChannel()).Open());

        Assert.Contains("is not the trusted certificate", error.Message);
    }

    [Fact]
    public void A_client_without_security_gets_UpgradeInvalid_instead_of_a_hang()
    {
        var factory = Factory(new EchoCallback(), LoopbackHost.Binding());

        var error = Assert.Throws<ProtocolException>(() => factory.CreateChannel().Echo(1, "plain"));

        Assert.Contains("security", error.Message);
    }

    [Fact]
    public async Task A_preamble_without_upgrade_gets_the_UpgradeInvalid_fault_and_a_closed_connection()
    {
        await using var raw = await RawConnection.ConnectAsync(_host.Port);
        await raw.SendAsync([.. RawPreamble.Bytes(Address.Uri.AbsoluteUri), 0x0C]);

        AssertUpgradeInvalid(await raw.ReadRecordAsync());
        Assert.True(await raw.ClosedByServerAsync());
    }

    [Fact]
    public async Task A_negotiate_upgrade_gets_the_UpgradeInvalid_fault_and_a_closed_connection()
    {
        await using var raw = await RawConnection.ConnectAsync(_host.Port);
        var negotiate = Encoding.UTF8.GetBytes(UpgradeProtocols.Negotiate);
        await raw.SendAsync([.. RawPreamble.Bytes(Address.Uri.AbsoluteUri), 0x09, (byte)negotiate.Length, .. negotiate]);

        AssertUpgradeInvalid(await raw.ReadRecordAsync());
        Assert.True(await raw.ClosedByServerAsync());
    }

    [Fact]
    public async Task A_TLS_client_to_an_endpoint_without_security_gets_UpgradeInvalid()
    {
        await using var plain = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        var factory = new DuplexChannelFactory<IEchoService>(new EchoCallback(), TlsBinding(), new EndpointAddress(plain.Address().AbsoluteUri));

        var error = Assert.Throws<ProtocolException>(() => factory.CreateChannel().Echo(1, "tls"));

        Assert.Contains("refused the requested transport security upgrade", error.Message);
    }

    [Fact]
    public async Task A_Transport_endpoint_without_a_certificate_is_refused_at_open()
    {
        var host = new ServiceHost(typeof(EchoService), new Uri("net.tcp://127.0.0.1:0/"));
        host.AddServiceEndpoint(typeof(IEchoService), TlsBinding(), "echo");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.OpenAsync());

        Assert.Contains("has no certificate", error.Message);
        Assert.Contains("serviceCertificate", error.Message);
        Assert.Equal(CommunicationState.Created, host.State);
    }

    private static void AssertUpgradeInvalid(ReceivedRecord? record)
    {
        Assert.NotNull(record);
        Assert.Equal(FramingRecordType.Fault, record.Type);
        Assert.Equal(FramingFaults.ToUri(FramingFault.UpgradeInvalid), record.Text);
    }

    private static async Task<int> ReadByteAsync(Stream stream)
    {
        var buffer = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await stream.ReadAsync(buffer, timeout.Token) == 1 ? buffer[0] : -1;
    }
}
