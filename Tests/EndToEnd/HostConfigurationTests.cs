using System.Security.Cryptography.X509Certificates;
using Ikosa.Client.Library;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Host.Game;
using Ikosa.Host.Hosting;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Configuration;
using Ikosa.Tests.ServiceModel.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// The host reads its whole configuration through the runtime: what app.config says about the services (TLS and its
/// certificate, throttles, fault detail) is what they serve, with nothing set on the command line.
/// </summary>
public sealed class HostConfigurationTests : IDisposable
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ikosa-host-config-");
    private readonly X509Certificate2 _certificate = TestCertificates.CreateSelfSigned("localhost");

    public void Dispose()
    {
        _certificate.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_TLS_endpoint_configured_only_in_app_config_serves_TLS_with_the_configured_certificate_and_behavior()
    {
        File.WriteAllBytes(Path.Combine(_folder.FullName, "host.pfx"), _certificate.Export(X509ContentType.Pfx, "pfx-secret"));
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ikosa.config"));
        var configured = shipped
            .Replace("<security mode=\"None\" />", "<security mode=\"Transport\"><transport clientCredentialType=\"None\" /></security>", StringComparison.Ordinal)
            .Replace("<serviceDebug includeExceptionDetailInFaults=\"false\" />",
                "<serviceDebug includeExceptionDetailInFaults=\"true\" /><serviceCredentials><serviceCertificate pfxFile=\"host.pfx\" password=\"pfx-secret\" /></serviceCredentials>",
                StringComparison.Ordinal)
            .Replace("maxConcurrentSessions=\"400\"", "maxConcurrentSessions=\"7\"", StringComparison.Ordinal);
        Assert.NotEqual(shipped, configured);
        var section = ServiceModelSection.Parse(configured, Path.Combine(_folder.FullName, "ikosa.config"));
        Ikosa.Host.Security.PasswordHasher.Iterations = 1_000; // as LoopbackGame: the production default is slow on purpose
        var (game, _) = GameHost.Open(new GameHostOptions
        {
            InitialPasswords = Sample.Players.Append("gm").ToDictionary(u => u, LoopbackGame.PasswordOf),
        });

        await using var server = await IkosaServer.StartAsync(game, section, port: 0, NullLoggerFactory.Instance);

        Assert.Equal(4, server.Endpoints.Count());
        Assert.All(server.Endpoints, endpoint =>
        {
            Assert.Equal(SecurityMode.Transport, endpoint.Binding.Security.Mode);
            Assert.Equal(_certificate.Thumbprint, endpoint.Service.ServiceCertificate?.Thumbprint);
            Assert.Equal(7, endpoint.Service.Behavior.MaxConcurrentSessions);
            Assert.True(endpoint.Service.Behavior.IncludeExceptionDetailInFaults);
        });
        await using var client = new IkosaClient(new IkosaClientOptions
        {
            BaseAddress = new Uri(server.AddressOf<ILoginService>(), "."),
            Binding = new NetTcpBinding(SecurityMode.Transport),
            TrustedCertificateThumbprint = _certificate.Thumbprint,
            Reconnect = false,
        });
        await client.LoginAsync("alice", LoopbackGame.PasswordOf("alice"));
        Assert.Contains(await client.Login.GetCharactersAsync(), c => c.Id == Tordek);

        await using var plain = new IkosaClient(new IkosaClientOptions { BaseAddress = new Uri(server.AddressOf<ILoginService>(), "."), Reconnect = false });
        await Assert.ThrowsAnyAsync<CommunicationException>(() => plain.LoginAsync("bob", LoopbackGame.PasswordOf("bob")));
    }
}
