using System.Collections.Immutable;
using Ikosa.Client.Library;
using Ikosa.Contracts;
using Ikosa.Engine;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Users;
using Ikosa.Host.Game;
using Ikosa.Host.Hosting;
using Ikosa.Host.Security;
using Ikosa.ServiceModel.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Bench.Game;

/// <summary>
/// The host on a durable SQLite file and a free loopback port, with players who each play one creature of the sample
/// campaign (the four heroes, then monsters handed to the extra players), logged in over net.tcp.
/// </summary>
internal sealed class BenchGame : IAsyncDisposable
{
    private static readonly string[] Creatures =
        ["tordek", "mialee", "jozan", "lidda", "goblin-1", "goblin-2", "goblin-3", "orc-1", "orc-2"];

    private readonly string _folder;

    private BenchGame(string folder, IkosaServer server, IReadOnlyList<string> players)
    {
        _folder = folder;
        Server = server;
        Players = players;
    }

    public IkosaServer Server { get; }

    public GameHost Game => Server.Game;

    public IReadOnlyList<string> Players { get; }

    public List<IkosaClient> Clients { get; } = new();

    /// <summary>The creature each client plays, by client index.</summary>
    public List<Guid> Characters { get; } = new();

    public Uri BaseAddress => new(Server.AddressOf<ILoginService>(), ".");

    public static async Task<BenchGame> StartAsync(int players)
    {
        if (players > Creatures.Length)
            throw new ArgumentOutOfRangeException(nameof(players), $"the sample campaign has {Creatures.Length} creatures to hand out");
        PasswordHasher.Iterations = 1_000; // logins are not what is measured
        var folder = Path.Combine(Path.GetTempPath(), "ikosa-bench-game-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var names = Enumerable.Range(1, players).Select(i => $"player{i}").ToList();
        var (game, _) = GameHost.Open(new GameHostOptions
        {
            Engine = new EngineOptions { DatabasePath = Path.Combine(folder, "bench.ikosa") },
            InitialPasswords = new Dictionary<string, string> { ["gm"] = PasswordOf("gm") },
            SnapshotFolder = folder,
        });
        foreach (var name in names)
            game.SetPassword(name, PasswordOf(name));
        // Players beyond the four heroes play a monster each, so every client has a view of its own to read.
        game.Engine.Gate.Write(tx =>
        {
            for (var i = 0; i < names.Count; i++)
            {
                var creature = EntityId.Named("sample:" + Creatures[i]);
                tx.Put(new CreatureControl(CreatureControl.KeyFor(creature), creature, ImmutableSortedSet.Create(StringComparer.OrdinalIgnoreCase, names[i]), null));
            }
        });
        var section = ServiceModelSection.Load(Path.Combine(AppContext.BaseDirectory, "ikosa.config"));
        var server = await IkosaServer.StartAsync(game, section, port: 0, NullLoggerFactory.Instance);
        return new BenchGame(folder, server, names);
    }

    public static string PasswordOf(string user) => user + "-bench";

    /// <summary>Logs every player in and takes its creature.</summary>
    public async Task LoginAllAsync()
    {
        for (var i = 0; i < Players.Count; i++)
        {
            var client = new IkosaClient(new IkosaClientOptions { BaseAddress = BaseAddress, Reconnect = false });
            await client.LoginAsync(Players[i], PasswordOf(Players[i]));
            var creature = EntityId.Named("sample:" + Creatures[i]).Value;
            await client.Login.SelectCharactersAsync([creature], []);
            Clients.Add(client);
            Characters.Add(creature);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients)
            await client.DisposeAsync();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
