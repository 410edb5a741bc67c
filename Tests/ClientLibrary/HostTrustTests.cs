using System.Security.Cryptography.X509Certificates;
using Ikosa.Client.Library;
using Ikosa.Client.Library.Trust;
using Ikosa.Contracts;
using Ikosa.Host.Game;
using Ikosa.Host.Hosting;
using Ikosa.Host.Security;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Configuration;
using Ikosa.Tests.EndToEnd;
using Ikosa.Tests.ServiceModel.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Tests.ClientLibrary;

/// <summary>
/// Trust on first use, as SSH does it, against a real host serving TLS on loopback: the first certificate is shown and
/// remembered when accepted (or because the invite named it); any other is refused, naming both fingerprints, before a
/// login — and so a password — is sent.
/// </summary>
public sealed class HostTrustTests : IAsyncLifetime
{
    private readonly X509Certificate2 _certificate = TestCertificates.CreateSelfSigned();
    private readonly X509Certificate2 _other = TestCertificates.CreateSelfSigned();
    private readonly string _knownHostsFile = Path.Combine(Path.GetTempPath(), $"ikosa-known-hosts-{Guid.NewGuid():N}");
    private IkosaServer _server = null!;
    private readonly List<IkosaClient> _clients = new();

    private KnownHosts KnownHosts => new(_knownHostsFile);

    private Uri BaseAddress => new(_server.AddressOf<ILoginService>(), ".");

    private int Port => BaseAddress.Port;

    private CertificateFingerprint Fingerprint => CertificateFingerprint.Of(_certificate);

    public async Task InitializeAsync()
    {
        PasswordHasher.Iterations = 1_000;
        var (game, _) = GameHost.Open(new GameHostOptions { InitialPasswords = Sample.Players.Append("gm").ToDictionary(u => u, LoopbackGame.PasswordOf) });
        _server = await IkosaServer.StartAsync(game, ServiceModelSection.Parse(LoopbackGame.ShippedConfig(), "ikosa.config"), port: 0, NullLoggerFactory.Instance, _certificate);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
        await _server.DisposeAsync();
        File.Delete(_knownHostsFile);
        _certificate.Dispose();
        _other.Dispose();
    }

    [Fact]
    public async Task The_first_time_the_certificate_is_shown_and_once_accepted_it_is_remembered()
    {
        var shown = new List<HostCertificate>();

        var ticket = await LoginAsync(Address(certificate => { shown.Add(certificate); return true; }));

        Assert.Equal("alice", ticket.UserName);
        var asked = Assert.Single(shown);
        Assert.Equal(("localhost", Port, Fingerprint), (asked.Host, asked.Port, asked.Fingerprint));
        Assert.Equal(Fingerprint, KnownHosts.Find("localhost", Port));
        Assert.Contains($"localhost:{Port} {Fingerprint}", File.ReadAllLines(_knownHostsFile));

        // The next time nobody is asked.
        Assert.Equal("bob", (await LoginAsync(Address(_ => throw new InvalidOperationException("asked again")), "bob")).UserName);
    }

    [Fact]
    public async Task A_changed_certificate_is_refused_naming_both_fingerprints_and_no_login_reaches_the_host()
    {
        var trusted = CertificateFingerprint.Of(_other);
        KnownHosts.Remember("localhost", Port, trusted);

        var refused = await Assert.ThrowsAsync<HostTrustException>(() => LoginAsync(Address(_ => throw new InvalidOperationException("a changed host is not asked about"))));

        Assert.Equal(HostTrustProblem.Changed, refused.Problem);
        Assert.Equal((trusted, Fingerprint), (refused.Expected, refused.Presented));
        Assert.Contains(trusted.ToString(), refused.Message);
        Assert.Contains(Fingerprint.ToString(), refused.Message);
        Assert.Contains(_knownHostsFile, refused.Message);
        Assert.Null(_server.Game.Sessions.FindByUser("alice"));
        Assert.Equal(trusted, KnownHosts.Find("localhost", Port));
    }

    [Fact]
    public async Task A_declined_certificate_is_not_remembered_and_a_script_with_nobody_to_ask_is_refused()
    {
        var declined = await Assert.ThrowsAsync<HostTrustException>(() => LoginAsync(Address(_ => false)));
        var unasked = await Assert.ThrowsAsync<HostTrustException>(() => LoginAsync(Address(confirm: null)));

        Assert.Equal(HostTrustProblem.Declined, declined.Problem);
        Assert.Equal(HostTrustProblem.Unknown, unasked.Problem);
        Assert.Contains(Fingerprint.ToString(), unasked.Message);
        Assert.Null(KnownHosts.Find("localhost", Port));
        Assert.Null(_server.Game.Sessions.FindByUser("alice"));
    }

    [Fact]
    public async Task An_invite_joins_without_asking_and_its_certificate_is_remembered()
    {
        var invite = InviteLink.For(BaseAddress, Fingerprint, "alice");

        var ticket = await LoginAsync(HostConnection.ForInvite(invite, Template(), KnownHosts), invite.User);

        Assert.Equal("alice", ticket.UserName);
        Assert.Equal(Fingerprint, KnownHosts.Find("localhost", Port));
    }

    [Fact]
    public async Task A_tampered_invite_is_refused_before_the_password_leaves_the_app()
    {
        var tampered = InviteLink.For(BaseAddress, CertificateFingerprint.Of(_other), "alice");

        // The right password: had it reached the host, alice would be logged in now.
        var refused = await Assert.ThrowsAsync<HostTrustException>(() => LoginAsync(HostConnection.ForInvite(tampered, Template(), KnownHosts)));

        Assert.Equal(HostTrustProblem.NotTheInvited, refused.Problem);
        Assert.Equal((CertificateFingerprint.Of(_other), Fingerprint), (refused.Expected, refused.Presented));
        Assert.Contains("Nothing was sent", refused.Message);
        Assert.Null(_server.Game.Sessions.FindByUser("alice"));
        Assert.Null(_server.Game.Throttle.RetryAfter("alice"));
        Assert.Null(KnownHosts.Find("localhost", Port));
    }

    [Fact]
    public async Task An_invite_naming_another_certificate_than_the_trusted_one_is_refused_without_connecting()
    {
        // Nothing listens there: the refusal needs no connection.
        var nowhere = new Uri($"net.tcp://localhost:{HostProcess.FreePort()}/ikosa/");
        KnownHosts.Remember("localhost", nowhere.Port, Fingerprint);
        var invite = InviteLink.For(nowhere, CertificateFingerprint.Of(_other), "alice");

        var refused = await Assert.ThrowsAsync<HostTrustException>(() => LoginAsync(HostConnection.ForInvite(invite, Template(), KnownHosts)));

        Assert.Equal(HostTrustProblem.Changed, refused.Problem);
        Assert.Contains("your invite names", refused.Message);
    }

    [Fact]
    public void An_invite_for_plain_net_tcp_on_another_machine_needs_the_players_consent()
    {
        var plain = InviteLink.Parse("ikosa://10.213.9.1:8765/?user=alice");

        var refused = Assert.Throws<HostTrustException>(() => HostConnection.ForInvite(plain, Template(), KnownHosts));
        var consented = HostConnection.ForInvite(plain, Template(), KnownHosts, allowPlain: true);

        Assert.Equal(HostTrustProblem.Unencrypted, refused.Problem);
        Assert.Equal(SecurityMode.None, consented.Binding.Security.Mode);
        Assert.Equal(SecurityMode.None, HostConnection.ForInvite(InviteLink.Parse("ikosa://localhost:8765/?user=alice"), Template(), KnownHosts).Binding.Security.Mode);
        Assert.Equal(SecurityMode.Transport, HostConnection.ForAddress(new Uri("net.tcp://10.213.9.1:8765/ikosa/"), Template(), KnownHosts, null).Binding.Security.Mode);
        Assert.Equal(SecurityMode.None, HostConnection.ForAddress(new Uri("net.tcp://127.0.0.1:8765/ikosa/"), Template(), KnownHosts, null).Binding.Security.Mode);
    }

    [Fact]
    public void The_known_hosts_file_keeps_one_line_per_host_and_forgets_on_request()
    {
        var hosts = KnownHosts;
        hosts.Remember("GM-Laptop", 8765, Fingerprint);
        hosts.Remember("[fd00::2]", 8765, Fingerprint);
        hosts.Remember("gm-laptop", 8765, CertificateFingerprint.Of(_other));

        Assert.Equal(CertificateFingerprint.Of(_other), hosts.Find("gm-laptop", 8765));
        Assert.Equal(Fingerprint, hosts.Find("[FD00::2]", 8765));
        Assert.Null(hosts.Find("gm-laptop", 8766));
        Assert.Equal(3, File.ReadAllLines(_knownHostsFile).Length); // a comment and two hosts
        Assert.True(hosts.Forget("gm-laptop", 8765));
        Assert.False(hosts.Forget("gm-laptop", 8765));
        Assert.Equal(Fingerprint, hosts.Find("[fd00::2]", 8765));
    }

    private IkosaClientOptions Template() => new() { BaseAddress = BaseAddress, Binding = LoopbackGame.HostLimits(), Reconnect = false };

    private IkosaClientOptions Address(Func<HostCertificate, bool>? confirm) =>
        HostConnection.ForAddress(BaseAddress, Template(), KnownHosts, confirm is null ? null : c => Task.FromResult(confirm(c)), SecurityMode.Transport);

    private async Task<TicketInfo> LoginAsync(IkosaClientOptions options, string user = "alice")
    {
        var client = new IkosaClient(options);
        _clients.Add(client);
        return await client.LoginAsync(user, LoopbackGame.PasswordOf(user));
    }
}
