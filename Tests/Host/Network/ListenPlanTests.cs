using System.Net;
using Ikosa.Host.Network;
using Ikosa.Host.Startup;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Configuration;
using Ikosa.Tests.EndToEnd;
using Ikosa.Tests.ServiceModel.Security;

namespace Ikosa.Tests.Host.Network;

/// <summary>Where the host listens and how each endpoint is secured, decided from the configuration and the game master's options.</summary>
public class ListenPlanTests
{
    private static readonly ServiceModelSection Shipped = ServiceModelSection.Parse(LoopbackGame.ShippedConfig(), "ikosa.config");

    [Theory]
    [InlineData("*", "0.0.0.0", null, false, true)]
    [InlineData("*:9000", "0.0.0.0", 9000, false, true)]
    [InlineData("localhost", "localhost", null, true, false)]
    [InlineData("localhost:9000", "localhost", 9000, true, false)]
    [InlineData("192.168.1.20", "192.168.1.20", null, false, false)]
    [InlineData("10.213.0.1:8765", "10.213.0.1", 8765, false, false)]
    [InlineData("127.0.0.2:1", "127.0.0.2", 1, true, false)]
    [InlineData("::1", "[::1]", null, true, false)]
    [InlineData("[fd00::2]:8765", "[fd00::2]", 8765, false, false)]
    [InlineData("[::]", "[::]", null, false, true)]
    public void A_listen_address_is_read_as_the_game_master_writes_it(string written, string host, int? port, bool loopback, bool everyInterface)
    {
        var listen = ListenAddress.Parse(written);

        Assert.Equal((host, port, loopback, everyInterface), (listen.Host, listen.Port, listen.IsLoopback, listen.IsEveryInterface));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("gm-laptop", "is not an IP address")]
    [InlineData("10.0.0.1:99999", "is not a port")]
    [InlineData("10.0.0.1:http", "is not a port")]
    [InlineData("fd00::2:8765:x", "is not an IP address")]
    public void A_bad_listen_address_is_refused_saying_what_is_expected(string written, string why)
    {
        var error = Assert.Throws<FormatException>(() => ListenAddress.Parse(written));

        Assert.Contains(why, error.Message);
        Assert.Contains("ADDRESS[:PORT]", error.Message);
    }

    [Fact]
    public void Without_listen_addresses_the_configured_ones_serve_plain_on_loopback_as_before()
    {
        var plan = ListenPlan.Create(Shipped, new NetworkOptions { Port = 9100 });

        Assert.All(plan.Addresses, a => Assert.Equal(("localhost", 9100), (a.Host, a.Port)));
        Assert.Equal(4, plan.Addresses.Count());
        Assert.False(plan.NeedsOwnCertificate);
        Assert.False(plan.ServesPlainToOthers);
    }

    [Fact]
    public async Task An_address_other_machines_reach_is_served_over_TLS_with_the_hosts_own_certificate_and_loopback_stays_plain()
    {
        using var own = TestCertificates.CreateSelfSigned();
        var plan = ListenPlan.Create(Shipped, new NetworkOptions { Listen = [ListenAddress.Parse("127.0.0.1:0"), ListenAddress.Parse("*:0")] });
        Assert.True(plan.NeedsOwnCertificate);
        Assert.Equal(8, plan.Addresses.Count());

        await using var host = await OpenAsync(plan with { OwnCertificate = own });

        var modes = host.Endpoints.GroupBy(e => e.Address.Host).ToDictionary(g => g.Key, g => g.Select(e => e.Binding.Security.Mode).Distinct().Single());
        Assert.Equal(SecurityMode.None, modes["127.0.0.1"]);
        Assert.Equal(SecurityMode.Transport, modes["0.0.0.0"]);
        Assert.All(host.Services, s => Assert.Same(own, s.ServiceCertificate));
        Assert.Equal(["/ikosa/game", "/ikosa/login", "/ikosa/master", "/ikosa/visualization"],
            host.Endpoints.Where(e => e.Address.Host == "0.0.0.0").Select(e => e.Address.AbsolutePath).Order());
    }

    [Fact]
    public async Task Insecure_serves_plain_where_other_machines_connect_and_needs_no_certificate()
    {
        var plan = ListenPlan.Create(Shipped, new NetworkOptions { Listen = [ListenAddress.Parse("*:0")], Insecure = true });

        Assert.False(plan.NeedsOwnCertificate);
        Assert.True(plan.ServesPlainToOthers);
        await using var host = await OpenAsync(plan);
        Assert.All(host.Endpoints, e => Assert.Equal(SecurityMode.None, e.Binding.Security.Mode));
    }

    [Fact]
    public async Task The_game_masters_certificate_serves_every_endpoint_even_on_loopback()
    {
        using var certificate = TestCertificates.CreateSelfSigned();
        var plan = ListenPlan.Create(Shipped, new NetworkOptions { Port = 0, Certificate = certificate });

        Assert.False(plan.NeedsOwnCertificate);
        await using var host = await OpenAsync(plan);
        Assert.All(host.Endpoints, e => Assert.Equal(SecurityMode.Transport, e.Binding.Security.Mode));
        Assert.All(host.Services, s => Assert.Same(certificate, s.ServiceCertificate));
    }

    [Theory]
    [InlineData(new[] { "*" }, true, false, true, "contradict")]
    [InlineData(new[] { "*" }, false, true, false, "goes with --insecure")]
    [InlineData(new[] { "*:9000", "127.0.0.1:9000" }, false, false, false, "is every address already")]
    public void Options_that_contradict_each_other_stop_the_start(string[] listen, bool insecure, bool insecurePasswords, bool certificate, string why)
    {
        using var pfx = certificate ? TestCertificates.CreateSelfSigned() : null;
        var options = new NetworkOptions { Listen = listen.Select(ListenAddress.Parse).ToList(), Insecure = insecure, InsecurePasswords = insecurePasswords, Certificate = pfx };

        var error = Assert.Throws<HostStartException>(() => ListenPlan.Create(Shipped, options));

        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void A_configured_base_address_with_a_host_name_listens_everywhere_and_so_is_served_over_TLS()
    {
        var section = ServiceModelSection.Parse(LoopbackGame.ShippedConfig().Replace("net.tcp://localhost:8765/ikosa/", "net.tcp://gm-laptop:8765/ikosa/", StringComparison.Ordinal), "ikosa.config");

        var plan = ListenPlan.Create(section, new NetworkOptions());

        Assert.True(plan.NeedsOwnCertificate);
        Assert.Equal(IPAddress.Any, ListenAddress.Of(plan.Addresses.First()).Address);
    }

    [Fact]
    public void An_address_that_is_not_this_machines_is_refused_before_anything_is_made()
    {
        // TEST-NET-3 (RFC 5737): never an address of this machine.
        var plan = ListenPlan.Create(Shipped, new NetworkOptions { Listen = [ListenAddress.Parse("203.0.113.77:0")] });

        var error = Assert.Throws<HostStartException>(() => PortCheck.EnsureFree(plan.Addresses));

        Assert.Contains("203.0.113.77: it is not an address of this machine", error.Message);
    }

    private static async Task<ServiceHost> OpenAsync(ListenPlan plan)
    {
        var host = new ServiceHost((Microsoft.Extensions.Logging.ILoggerFactory?)null);
        host.AddService(() => new Ikosa.Host.Services.LoginService(null!));
        host.AddService(() => new Ikosa.Host.Services.GameService(null!));
        host.AddService(() => new Ikosa.Host.Services.VisualizationService(null!));
        host.AddService(() => new Ikosa.Host.Services.MasterService(null!, null!));
        host.ApplyConfiguration(Shipped);
        plan.ApplyTo(host);
        await host.OpenAsync();
        return host;
    }
}
