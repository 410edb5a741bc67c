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
        string[] login = ["--host", host, "--user", "alice", "--password", LoopbackGame.PasswordOf("alice"), "--script", "-"];

        var output = new StringWriter();
        var code = await ClientProgram.RunAsync([.. login, "--trust-certificate", certificate.Thumbprint], new StringReader("quit\n"), output, new StringWriter());
        Assert.Equal(0, code);
        Assert.Contains("logged in as alice", output.ToString());

        var refused = new StringWriter();
        Assert.Equal(ClientProgram.Unreachable, await ClientProgram.RunAsync([.. login, "--tls"], new StringReader("quit\n"), new StringWriter(), refused));
        Assert.Contains("certificate", refused.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
