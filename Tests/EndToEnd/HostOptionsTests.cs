using Ikosa.Client.Library;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Host.Game;
using Ikosa.Host.Hosting;
using Ikosa.ServiceModel.Configuration;
using Ikosa.Tests.ServiceModel.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Tests.EndToEnd;

/// <summary>The host's start-up options beyond the defaults: a campaign file, and TLS with a game master's certificate.</summary>
public class HostOptionsTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;

    [Fact]
    public async Task A_new_game_starts_from_a_snapshot_the_master_saved()
    {
        var name = "camp-" + Guid.NewGuid().ToString("N");
        var snapshot = Path.Combine(Path.GetTempPath(), "snapshots", name + ".json");
        try
        {
            await using (var first = await LoopbackGame.StartAsync())
            {
                var gm = await first.LoginAsync("gm");
                var tordek = await gm.Client.Game.GetCreatureAsync(Tordek);
                await gm.Client.Master!.EditCreatureAsync(new CreatureEditInfo { Id = Tordek, ExpectedVersion = tordek.Version, HitPoints = 7, Name = "Tordek the Tired" });
                Assert.True((await gm.Client.Master.SaveSnapshotAsync(name)).Accepted);
            }

            var (second, passwords) = GameHost.Open(new GameHostOptions { CampaignFile = snapshot });
            await using var _ = second;
            var copy = second.Engine.Gate.Read(tx => tx.Get<Ikosa.Engine.Rules.Creatures.Creature>(new EntityId(Tordek)));
            Assert.Equal(("Tordek the Tired", 7), (copy.Name, copy.HitPoints));
            Assert.Empty(passwords); // the snapshot brought its users along
        }
        finally
        {
            File.Delete(snapshot);
        }
    }

    [Fact]
    public async Task An_edit_of_a_creature_that_changed_since_the_master_read_it_is_refused_and_changes_nothing()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var read = await gm.Client.Game.GetCreatureAsync(Tordek);
        var first = await gm.Client.Master!.EditCreatureAsync(new CreatureEditInfo { Id = Tordek, ExpectedVersion = read.Version, HitPoints = 30 });
        Assert.NotEqual(read.Version, first.Version);

        var stale = await Assert.ThrowsAsync<Ikosa.ServiceModel.FaultException<InvalidStateFault>>(() =>
            gm.Client.Master.EditCreatureAsync(new CreatureEditInfo { Id = Tordek, ExpectedVersion = read.Version, HitPoints = 1 }));

        Assert.Contains("changed since you read it", stale.Detail.Reason);
        var now = await gm.Client.Game.GetCreatureAsync(Tordek);
        Assert.Equal((30, first.Version), (now.HitPoints, now.Version));
    }

    [Fact]
    public void A_campaign_file_that_is_not_a_snapshot_is_refused_with_a_clear_message()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{ \"not\": \"a snapshot\" }");
        try
        {
            var error = Assert.Throws<CampaignFileException>(() => GameHost.Open(new GameHostOptions { CampaignFile = path }));
            Assert.Contains("not a snapshot", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task With_a_certificate_every_endpoint_is_served_over_TLS_and_a_pinned_client_plays()
    {
        using var certificate = TestCertificates.CreateSelfSigned("localhost");
        var (game, _) = GameHost.Open(new GameHostOptions
        {
            InitialPasswords = Sample.Players.Append("gm").ToDictionary(u => u, LoopbackGame.PasswordOf),
        });
        var section = ServiceModelSection.Load(Path.Combine(AppContext.BaseDirectory, "ikosa.config"));
        await using var server = await IkosaServer.StartAsync(game, section, port: 0, NullLoggerFactory.Instance, certificate);
        Assert.All(server.Endpoints, e => Assert.Equal(Ikosa.ServiceModel.SecurityMode.Transport, e.Binding.Security.Mode));
        var baseAddress = new Uri(server.AddressOf<ILoginService>(), ".");

        await using var pinned = new IkosaClient(new IkosaClientOptions
        {
            BaseAddress = baseAddress,
            Binding = new Ikosa.ServiceModel.NetTcpBinding(Ikosa.ServiceModel.SecurityMode.Transport),
            TrustedCertificateThumbprint = certificate.Thumbprint,
            Reconnect = false,
        });
        var ticket = await pinned.LoginAsync("alice", LoopbackGame.PasswordOf("alice"));
        Assert.Equal("alice", ticket.UserName);
        Assert.Contains(await pinned.Login.GetCharactersAsync(), c => c.Id == Tordek);

        await using var unpinned = new IkosaClient(new IkosaClientOptions
        {
            BaseAddress = baseAddress,
            Binding = new Ikosa.ServiceModel.NetTcpBinding(Ikosa.ServiceModel.SecurityMode.Transport),
            Reconnect = false,
        });
        await Assert.ThrowsAnyAsync<Ikosa.ServiceModel.CommunicationException>(() => unpinned.LoginAsync("bob", LoopbackGame.PasswordOf("bob")));
    }
}
