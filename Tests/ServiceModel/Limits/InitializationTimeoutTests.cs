using System.Text;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Framing;
using Ikosa.ServiceModel.Security;
using Ikosa.Tests.ServiceModel.Runtime;
using Ikosa.Tests.ServiceModel.Security;

namespace Ikosa.Tests.ServiceModel.Limits;

/// <summary>ChannelInitializationTimeout: a peer that does not finish its preamble (or TLS handshake) in time is dropped.</summary>
public sealed class InitializationTimeoutTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>Far longer than the timeout: the test waits for the drop, it does not race it.</summary>
    private static readonly TimeSpan DropDeadline = TimeSpan.FromSeconds(20);

    private static Task<LoopbackHost> StartAsync(bool tls = false) =>
        LoopbackHost.StartAsync<EchoService, IEchoService>(host =>
        {
            var binding = host.Endpoints.Single().Binding;
            binding.ChannelInitializationTimeout = ShortTimeout;
            if (!tls)
                return;
            binding.Security.Mode = SecurityMode.Transport;
            host.Description.ServiceCertificate = TestCertificates.CreateSelfSigned();
        });

    [Fact]
    public async Task A_silent_peer_is_dropped()
    {
        await using var host = await StartAsync();
        await using var raw = await RawConnection.ConnectAsync(host.Port);

        Assert.True(await raw.ClosedByServerAsync(DropDeadline));
    }

    [Fact]
    public async Task A_peer_that_stops_in_the_middle_of_its_preamble_is_dropped()
    {
        await using var host = await StartAsync();
        await using var raw = await RawConnection.ConnectAsync(host.Port);

        await raw.SendAsync(RawPreamble.Bytes(host.Address().AbsoluteUri)[..9]);

        Assert.True(await raw.ClosedByServerAsync(DropDeadline));
    }

    [Fact]
    public async Task A_peer_that_stalls_the_TLS_handshake_is_dropped()
    {
        await using var host = await StartAsync(tls: true);
        await using var raw = await RawConnection.ConnectAsync(host.Port);
        var upgrade = Encoding.UTF8.GetBytes(UpgradeProtocols.SslTls);
        await raw.SendAsync([.. RawPreamble.Bytes(host.Address().AbsoluteUri), 0x09, (byte)upgrade.Length, .. upgrade]);
        Assert.Equal(FramingRecordType.UpgradeResponse, (await raw.ReadRecordAsync())!.Type);

        Assert.True(await raw.ClosedByServerAsync(DropDeadline));
    }
}
