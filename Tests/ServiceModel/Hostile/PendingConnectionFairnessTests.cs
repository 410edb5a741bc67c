using System.Net;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.ServiceModel.Runtime;
using Microsoft.Extensions.Logging;

namespace Ikosa.Tests.ServiceModel.Hostile;

/// <summary>
/// Connections that have not finished their preamble are limited per remote address as well as in total, so one peer's
/// silent sockets cannot lock everyone else out; its refusals are logged once and summarised. The stranger connects
/// from another loopback address (any 127.x.y.z is loopback on Linux).
/// </summary>
public sealed class PendingConnectionFairnessTests : IAsyncLifetime
{
    private const int PerAddress = 2;
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.66");
    private readonly CapturedLog _log = new();
    private readonly List<RawConnection> _silent = new();
    private LoopbackHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await LoopbackHost.StartAsync<EchoService, IEchoService>(host =>
        {
            var binding = host.Endpoints.Single().Binding;
            binding.MaxConnections = 10;
            binding.MaxPendingConnectionsPerAddress = PerAddress;
            // Long enough that the silent sockets stay pending for the whole test.
            binding.ChannelInitializationTimeout = TimeSpan.FromMinutes(2);
            host.LoggerFactory = _log.Factory();
            host.RefusalSummaryInterval = Timeout.InfiniteTimeSpan;
            host.RefusalDelay = TimeSpan.Zero;
        });
        // The stranger takes its whole share with sockets that never send a byte.
        for (var i = 0; i < PerAddress; i++)
            _silent.Add(await RawConnection.ConnectAsync(_host.Port, Stranger));
        Assert.True(await Eventually.TrueAsync(() => _host.Host.Listener!.PendingFrom(Stranger) == PerAddress), "the server counts the stranger's opening connections");
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _silent)
            await connection.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_peer_over_its_share_is_refused_with_ServerTooBusy()
    {
        await using var extra = await RawConnection.ConnectAsync(_host.Port, Stranger);

        var record = await extra.ReadRecordAsync();

        Assert.Equal(FramingRecordType.Fault, record!.Type);
        Assert.Equal(FramingFaults.ToUri(FramingFault.ServerTooBusy), record.Text);
        Assert.True(await extra.ClosedByServerAsync());
    }

    [Fact]
    public async Task Others_still_get_in_while_a_peer_holds_its_share()
    {
        var factory = _host.DuplexFactory<IEchoService>(new EchoCallback());
        for (var i = 0; i < 3; i++)
            Assert.Equal($"a:{i}", await factory.CreateChannel().EchoAsync(i, "a"));
        factory.Close();
    }

    [Fact]
    public async Task Repeated_refusals_of_one_address_are_logged_once_and_summarised()
    {
        const int Attempts = 30;
        for (var i = 0; i < Attempts; i++)
        {
            await using var extra = await RawConnection.ConnectAsync(_host.Port, Stranger);
            Assert.Equal(FramingFaults.ToUri(FramingFault.ServerTooBusy), (await extra.ReadRecordAsync())!.Text);
        }

        _host.Host.Listener!.Refusals.Flush();

        var lines = _log.Lines.Where(line => line.Text.Contains("127.0.0.66", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("refused, too many connections opening from this address", lines[0].Text);
        Assert.Equal(LogLevel.Warning, lines[1].Level);
        Assert.Contains($"{Attempts - 1} more refusals", lines[1].Text);
        Assert.Contains($"{Attempts - 1} too many connections opening from this address", lines[1].Text);
    }
}
