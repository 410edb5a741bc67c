using System.Net;
using System.Text.RegularExpressions;
using Ikosa.Client.App;
using Ikosa.Client.Library;
using Ikosa.Client.Library.Trust;
using Ikosa.Contracts;
using Ikosa.Host.Game;
using Ikosa.Host.Hosting;
using Ikosa.Host.Network;
using Ikosa.Host.Security;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// A table over a network, on an address of this machine that is not loopback (a veth pair the tests make): the host
/// serves TLS there by default and invites players to it; plain net.tcp needs --insecure, and then passwords from
/// other machines are refused unless --insecure-passwords. Over real sockets, as a game master and players would do it.
/// </summary>
[Collection(NonLoopbackCollection.Name)]
public sealed partial class NetworkPlayTests(NonLoopbackNetwork network) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ikosa-network-");

    private string KnownHostsFile => Path.Combine(_folder.FullName, "known_hosts");

    public void Dispose() => _folder.Delete(recursive: true);

    [NonLoopbackFact]
    public async Task A_host_listening_where_other_machines_connect_serves_TLS_by_default_and_an_invite_joins()
    {
        await using var server = await StartAsync(new NetworkOptions { Listen = [Listen(network.HostAddress)] });
        Assert.All(server.Endpoints, e => Assert.Equal(SecurityMode.Transport, e.Binding.Security.Mode));
        var baseAddress = new Uri(server.AddressOf<ILoginService>(), ".");

        await using (var plain = new IkosaClient(Template(baseAddress)))
            await Assert.ThrowsAsync<ProtocolException>(() => plain.LoginAsync("alice", LoopbackGame.PasswordOf("alice")));

        var invite = server.Invitations.For("alice");
        Assert.Equal((network.HostAddress.ToString(), baseAddress.Port), (invite.Host, invite.Port));
        var own = server.Endpoints.First().Service.ServiceCertificate!;
        Assert.Equal(CertificateFingerprint.Of(own).ToString(), invite.Fingerprint);
        await using var alice = new IkosaClient(HostConnection.ForInvite(InviteLink.Parse(invite.Link), Template(baseAddress), new KnownHosts(KnownHostsFile)));
        Assert.Equal("alice", (await alice.LoginAsync("alice", LoopbackGame.PasswordOf("alice"))).UserName);
        Assert.NotEmpty(await alice.Login.GetCharactersAsync());
        Assert.Equal(CertificateFingerprint.Of(own), new KnownHosts(KnownHostsFile).Find(network.HostAddress.ToString(), baseAddress.Port));
    }

    [NonLoopbackFact]
    public async Task Insecure_serves_plain_and_refuses_passwords_from_other_machines_but_not_from_this_one()
    {
        await using var server = await StartAsync(new NetworkOptions { Listen = [Listen(network.HostAddress), Listen(IPAddress.Loopback)], Insecure = true });
        Assert.All(server.Endpoints, e => Assert.Equal(SecurityMode.None, e.Binding.Security.Mode));
        var remote = BaseAddressAt(server, network.HostAddress);
        var local = BaseAddressAt(server, IPAddress.Loopback);

        await using var gm = new IkosaClient(Template(local));
        await gm.LoginAsync("gm", LoopbackGame.PasswordOf("gm"));
        var code = await gm.Master!.CreatePlayerAsync("erin");
        await using var alice = new IkosaClient(Template(remote));
        var refused = await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(() => alice.LoginAsync("alice", LoopbackGame.PasswordOf("alice")));
        var refusedCode = await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(() => new IkosaClient(Template(remote)).RedeemCodeAsync("erin", code.Code, "erin-own-secret"));

        Assert.Contains("--insecure-passwords", refused.Detail.Reason);
        Assert.Equal("RedeemCode", refusedCode.Detail.Operation);
        Assert.Null(server.Game.Sessions.FindByUser("alice"));
        Assert.Null(server.Game.Throttle.RetryAfter("alice"));
        // An invite for a plain host names the address other machines use, and no fingerprint.
        var invite = InviteLink.Parse(server.Invitations.For("alice").Link);
        Assert.Equal((network.HostAddress.ToString(), null), (invite.Host, invite.Fingerprint));
    }

    [NonLoopbackFact]
    public async Task Insecure_passwords_lets_other_machines_log_in_in_clear()
    {
        await using var server = await StartAsync(new NetworkOptions { Listen = [Listen(network.HostAddress)], Insecure = true, InsecurePasswords = true });
        await using var alice = new IkosaClient(Template(BaseAddressAt(server, network.HostAddress)));

        Assert.Equal("alice", (await alice.LoginAsync("alice", LoopbackGame.PasswordOf("alice"))).UserName);
    }

    [NonLoopbackFact]
    public async Task The_game_master_listens_with_one_option_and_the_player_joins_with_one_command()
    {
        var data = Path.Combine(_folder.FullName, "game.db");
        var passwords = new Dictionary<string, string> { ["gm"] = "gm-network-secret", ["alice"] = "alice-network-secret" };
        string[] listen = ["--listen", network.HostAddress.ToString()];
        string fingerprint, invite;
        using (var host = await HostProcess.StartAsync(data, port: 0, passwords, listen))
        {
            Assert.Contains("Made the host's own TLS certificate", host.Output);
            fingerprint = Fingerprint().Match(host.Output).Groups["fp"].Value;
            invite = Invite().Match(host.Output).Groups["invite"].Value;
            Assert.StartsWith($"ikosa://{network.HostAddress}:", invite);
            Assert.Contains($"fp={fingerprint}&user=alice", invite);

            var (code, output, _) = await JoinAsync(invite, passwords["alice"]);
            Assert.True(code == 0, output);
            Assert.Contains("logged in as alice", output);

            var tampered = invite.Replace(fingerprint, fingerprint[..^1] + (fingerprint[^1] == '0' ? '1' : '0'), StringComparison.Ordinal);
            var (refused, _, error) = await JoinAsync(tampered, passwords["alice"], Path.Combine(_folder.FullName, "fresh_known_hosts"));
            Assert.Equal(ClientProgram.NotTrusted, refused);
            Assert.Contains(fingerprint, error);
            Assert.Contains("Nothing was sent", error);
        }

        // The next start keeps its certificate: players' apps still trust it.
        using (var again = await HostProcess.StartAsync(data, port: 0, more: listen))
        {
            Assert.DoesNotContain("Made the host's own TLS certificate", again.Output);
            Assert.Equal(fingerprint, Fingerprint().Match(again.Output).Groups["fp"].Value);
        }

        // Lost, it is not made again behind the players' backs.
        File.Delete(Path.Combine(_folder.FullName, OwnCertificate.FileName));
        var (exit, _, why) = await HostProcess.RunToExitAsync(["--data", data, "--port", "0", .. listen]);
        Assert.Equal(2, exit);
        Assert.Contains("is missing", why);
        Assert.Contains(fingerprint, why);
    }

    private async Task<(int Code, string Output, string Error)> JoinAsync(string invite, string password, string? knownHosts = null)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await ClientProgram.RunAsync(["join", invite, "--password", password, "--script", "-", "--known-hosts", knownHosts ?? KnownHostsFile],
            new StringReader("who\nquit\n"), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<IkosaServer> StartAsync(NetworkOptions options)
    {
        PasswordHasher.Iterations = 1_000;
        var (game, _) = GameHost.Open(new GameHostOptions
        {
            InitialPasswords = Sample.Players.Append("gm").ToDictionary(u => u, LoopbackGame.PasswordOf),
            InsecurePasswords = options.InsecurePasswords,
        });
        var section = ServiceModelSection.Parse(LoopbackGame.ShippedConfig(), "ikosa.config");
        var here = new LocalNetwork("ikosa-test", [network.HostAddress]);
        var plan = ListenPlan.Create(section, options with { Port = 0 });
        if (plan.NeedsOwnCertificate)
            plan = plan with { OwnCertificate = OwnCertificate.LoadOrCreate(_folder.FullName, here, renew: false, DateTimeOffset.UtcNow).Certificate };
        return await IkosaServer.StartAsync(game, section, plan, NullLoggerFactory.Instance, here);
    }

    private static ListenAddress Listen(IPAddress address) => ListenAddress.Parse(address.ToString());

    private static Uri BaseAddressAt(IkosaServer server, IPAddress address) =>
        new(server.Endpoints.First(e => e.Contract.ContractType == typeof(ILoginService) && e.Address.Host == address.ToString()).Address, ".");

    private static IkosaClientOptions Template(Uri baseAddress) =>
        new() { BaseAddress = baseAddress, Binding = LoopbackGame.HostLimits(), Reconnect = false, HeartbeatInterval = null };

    [GeneratedRegex(@"certificate (?<fp>SHA256:[0-9A-F]{64})")]
    private static partial Regex Fingerprint();

    [GeneratedRegex(@"^\s+alice\s+(?<invite>ikosa://\S+)", RegexOptions.Multiline)]
    private static partial Regex Invite();
}
