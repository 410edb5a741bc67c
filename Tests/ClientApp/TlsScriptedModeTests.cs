using System.Text.RegularExpressions;
using Ikosa.Client.App;
using Ikosa.Contracts;
using Ikosa.Host.Game;
using Ikosa.Host.Hosting;
using Ikosa.ServiceModel.Configuration;
using Ikosa.Tests.EndToEnd;
using Ikosa.Tests.ServiceModel.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Tests.ClientApp;

/// <summary>The app against a host that serves TLS with a game master's self-signed certificate.</summary>
public class TlsScriptedModeTests
{
    [Fact]
    public async Task The_app_plays_over_TLS_when_told_which_certificate_to_trust_and_refuses_otherwise()
    {
        using var certificate = TestCertificates.CreateSelfSigned("localhost");
        var (game, _) = GameHost.Open(new GameHostOptions
        {
            InitialPasswords = Sample.Players.Append("gm").ToDictionary(u => u, LoopbackGame.PasswordOf),
        });
        var section = ServiceModelSection.Load(Path.Combine(AppContext.BaseDirectory, "ikosa.config"));
        await using var server = await IkosaServer.StartAsync(game, section, port: 0, NullLoggerFactory.Instance, certificate);
        var host = new Uri(server.AddressOf<ILoginService>(), ".").ToString();
        var knownHosts = Path.Combine(Path.GetTempPath(), $"ikosa-known-hosts-{Guid.NewGuid():N}");
        string[] login = ["--host", host, "--user", "alice", "--password", LoopbackGame.PasswordOf("alice"), "--script", "-", "--known-hosts", knownHosts];

        var output = new StringWriter();
        var code = await ClientProgram.RunAsync([.. login, "--trust-certificate", certificate.Thumbprint], new StringReader("quit\n"), output, new StringWriter());
        Assert.Equal(0, code);
        Assert.Contains("logged in as alice", output.ToString());

        // With nobody to ask, a certificate not trusted before is refused, showing its fingerprint to check.
        var refused = new StringWriter();
        Assert.Equal(ClientProgram.NotTrusted, await ClientProgram.RunAsync([.. login, "--tls"], new StringReader("quit\n"), new StringWriter(), refused));
        Assert.Contains("not trusted yet: " + CertificateFingerprint.Of(certificate), refused.ToString());
        Assert.False(File.Exists(knownHosts));
    }

    [Fact]
    public async Task A_new_player_joins_with_the_invite_and_the_one_time_code_the_game_master_made_in_play()
    {
        using var certificate = TestCertificates.CreateSelfSigned("localhost");
        Ikosa.Host.Security.PasswordHasher.Iterations = 1_000;
        var (hosted, _) = GameHost.Open(new GameHostOptions
        {
            InitialPasswords = Sample.Players.Append("gm").ToDictionary(u => u, LoopbackGame.PasswordOf),
        });
        var section = ServiceModelSection.Load(Path.Combine(AppContext.BaseDirectory, "ikosa.config"));
        await using var server = await IkosaServer.StartAsync(hosted, section, port: 0, NullLoggerFactory.Instance, certificate);
        var knownHosts = Path.Combine(Path.GetTempPath(), $"ikosa-known-hosts-{Guid.NewGuid():N}");
        string invite, code;
        var gm = new StringWriter();
        var master = await ClientProgram.RunAsync(
            ["--host", new Uri(server.AddressOf<ILoginService>(), ".").ToString(), "--user", "gm", "--password", LoopbackGame.PasswordOf("gm"),
             "--trust-certificate", certificate.Thumbprint, "--script", "-"],
            new StringReader("create-player erin\ninvite alice\nquit\n"), gm, new StringWriter());
        Assert.True(master == 0, gm.ToString());
        invite = Regex.Match(gm.ToString(), @"invite: (ikosa://\S+)").Groups[1].Value;
        code = Regex.Match(gm.ToString(), @"one-time code: (\S+)").Groups[1].Value;
        Assert.Contains($"fp={CertificateFingerprint.Of(certificate)}&user=erin", invite);
        Assert.Contains("&user=alice", gm.ToString());

        try
        {
            var first = new StringWriter();
            Assert.Equal(0, await ClientProgram.RunAsync(["join", invite, "--code", code, "--password", "erin-own-secret", "--script", "-", "--known-hosts", knownHosts],
                new StringReader("quit\n"), first, new StringWriter()));
            Assert.Contains("logged in as erin", first.ToString());

            var again = new StringWriter();
            Assert.Equal(0, await ClientProgram.RunAsync(["join", invite, "--password", "erin-own-secret", "--script", "-", "--known-hosts", knownHosts],
                new StringReader("quit\n"), again, new StringWriter()));
            Assert.Contains("logged in as erin", again.ToString());

            var reused = new StringWriter();
            Assert.Equal(ClientProgram.BadArguments, await ClientProgram.RunAsync(["join", invite, "--code", code, "--password", "erin-other-secret", "--script", "-", "--known-hosts", knownHosts],
                new StringReader("quit\n"), new StringWriter(), reused));
            Assert.Contains("a code works once", reused.ToString());
        }
        finally
        {
            File.Delete(knownHosts);
        }
    }
}
