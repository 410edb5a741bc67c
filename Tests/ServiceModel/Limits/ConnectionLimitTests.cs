using System.Net.Security;
using System.Text;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Framing;
using Ikosa.ServiceModel.Security;
using Ikosa.Tests.ServiceModel.Runtime;
using Ikosa.Tests.ServiceModel.Security;

namespace Ikosa.Tests.ServiceModel.Limits;

/// <summary>
/// The binding's MaxConnections on the server: connections still opening (preamble or TLS handshake under way) beyond
/// it are refused with ServerTooBusy. A TLS endpoint lets the test hold a connection provably in that state: the
/// server has answered its upgrade request but the handshake has not run.
/// </summary>
public sealed class ConnectionLimitTests : IAsyncLifetime
{
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate = TestCertificates.CreateSelfSigned();
    private LoopbackHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await LoopbackHost.StartAsync<EchoService, IEchoService>(host =>
        {
            var binding = host.Endpoints.Single().Binding;
            binding.MaxConnections = 1;
            binding.Security.Mode = SecurityMode.Transport;
            host.Description.ServiceCertificate = _certificate;
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _certificate.Dispose();
    }

    private string Via => $"net.tcp://localhost:{_host.Port}/echo";

    private DuplexChannelFactory<IEchoService> Factory()
    {
        var binding = LoopbackHost.Binding();
        binding.Security.Mode = SecurityMode.Transport;
        var factory = new DuplexChannelFactory<IEchoService>(new EchoCallback(), binding, new EndpointAddress(Via));
        factory.ServerCertificate.TrustCertificate(_certificate);
        return factory;
    }

    [Fact]
    public async Task Connections_beyond_MaxConnections_opening_at_once_get_ServerTooBusy()
    {
        await using var opening = await RawConnection.ConnectAsync(_host.Port);
        var upgrade = Encoding.UTF8.GetBytes(UpgradeProtocols.SslTls);
        await opening.SendAsync([.. RawPreamble.Bytes(Via), 0x09, (byte)upgrade.Length, .. upgrade]);
        Assert.Equal(FramingRecordType.UpgradeResponse, (await opening.ReadRecordAsync())!.Type);

        var refused = Assert.Throws<ServerTooBusyException>(() => Factory().CreateChannel().Echo(1, "busy"));
        Assert.Contains("too busy", refused.Message);

        await using (var raw = await RawConnection.ConnectAsync(_host.Port))
        {
            var fault = await raw.ReadRecordAsync();
            Assert.Equal(FramingFaults.ToUri(FramingFault.ServerTooBusy), fault!.Text);
            Assert.True(await raw.ClosedByServerAsync());
        }
    }

    [Fact]
    public async Task A_slot_frees_once_the_opening_connection_is_acknowledged()
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, _host.Port);
        await using var network = new System.Net.Sockets.NetworkStream(socket, ownsSocket: false);
        var upgrade = Encoding.UTF8.GetBytes(UpgradeProtocols.SslTls);
        await network.WriteAsync((byte[])[.. RawPreamble.Bytes(Via), 0x09, (byte)upgrade.Length, .. upgrade]);
        Assert.Equal(0x0A, await ReadByteAsync(network));
        await using var tls = new SslStream(network, leaveInnerStreamOpen: true, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync("localhost");
        await tls.WriteAsync((byte[])[0x0C]);
        Assert.Equal(0x0B, await ReadByteAsync(tls));

        var factory = Factory();
        Assert.Equal("next:2", factory.CreateChannel().Echo(2, "next"));
        factory.Close();
    }

    private static async Task<int> ReadByteAsync(Stream stream)
    {
        var buffer = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await stream.ReadAsync(buffer, timeout.Token) == 1 ? buffer[0] : -1;
    }
}
