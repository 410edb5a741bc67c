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
/// The host on a durable SQLite file and a free loopback port, with players who each play one creature, logged in over
/// net.tcp: of the sample campaign (the four heroes, then monsters handed to the extra players), or of a campaign folder.
/// </summary>
internal sealed class BenchGame : IAsyncDisposable
{
    private static readonly string[] Creatures =
        ["tordek", "mialee", "jozan", "lidda", "goblin-1", "goblin-2", "goblin-3", "orc-1", "orc-2"];

    private readonly string _folder;
    private readonly IReadOnlyList<Seat> _seats;

    private BenchGame(string folder, IkosaServer server, IReadOnlyList<Seat> seats)
    {
        _folder = folder;
        Server = server;
        _seats = seats;
        Players = [.. seats.Select(s => s.User)];
    }

    /// <summary>A player and the creature they play.</summary>
    public sealed record Seat(string User, Guid Creature);

    public IkosaServer Server { get; }

    public GameHost Game => Server.Game;

    public IReadOnlyList<string> Players { get; }

    public List<IkosaClient> Clients { get; } = new();

    /// <summary>The game master's client, once <see cref="LoginMasterAsync"/> has logged it in.</summary>
    public IkosaClient? Master { get; private set; }

    /// <summary>The creature each client plays, by client index.</summary>
    public List<Guid> Characters { get; } = new();

    public Uri BaseAddress => new(Server.AddressOf<ILoginService>(), ".");

    /// <summary>The sample campaign, <paramref name="players"/> of its creatures played.</summary>
    public static Task<BenchGame> StartAsync(int players)
    {
        if (players > Creatures.Length)
            throw new ArgumentOutOfRangeException(nameof(players), $"the sample campaign has {Creatures.Length} creatures to hand out");
        return StartAsync(campaign: null, [.. Enumerable.Range(0, players).Select(i => new Seat($"player{i + 1}", EntityId.Named("sample:" + Creatures[i]).Value))]);
    }

    /// <summary>A new game of <paramref name="campaign"/> (a folder; null for the sample) with these seats and the master <c>gm</c>.</summary>
    public static async Task<BenchGame> StartAsync(string? campaign, IReadOnlyList<Seat> seats)
    {
        PasswordHasher.Iterations = 1_000; // logins are not what is measured
        var folder = Path.Combine(Path.GetTempPath(), "ikosa-bench-game-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var (game, _) = GameHost.Open(new GameHostOptions
        {
            Engine = new EngineOptions { DatabasePath = Path.Combine(folder, "bench.ikosa") },
            CampaignFile = campaign,
            InitialPasswords = seats.Select(s => s.User).Append("gm").ToDictionary(u => u, PasswordOf),
            SnapshotFolder = folder,
        });
        foreach (var seat in seats)
            game.SetPassword(seat.User, PasswordOf(seat.User));
        // Each seat's creature is allowed to its player (in the sample, players beyond the four heroes play a monster each).
        game.Engine.Gate.Write(tx =>
        {
            foreach (var seat in seats)
            {
                var creature = new EntityId(seat.Creature);
                tx.Put(new CreatureControl(CreatureControl.KeyFor(creature), creature, ImmutableSortedSet.Create(StringComparer.OrdinalIgnoreCase, seat.User), null));
            }
        });
        var section = ServiceModelSection.Load(Path.Combine(AppContext.BaseDirectory, "ikosa.config"));
        var server = await IkosaServer.StartAsync(game, section, port: 0, NullLoggerFactory.Instance);
        return new BenchGame(folder, server, seats);
    }

    public static string PasswordOf(string user) => user + "-bench";

    /// <summary>Logs every player in and takes its creature.</summary>
    public async Task LoginAllAsync()
    {
        foreach (var seat in _seats)
        {
            var client = new IkosaClient(new IkosaClientOptions { BaseAddress = BaseAddress, Reconnect = false });
            await client.LoginAsync(seat.User, PasswordOf(seat.User));
            await client.Login.SelectCharactersAsync([seat.Creature], []);
            Clients.Add(client);
            Characters.Add(seat.Creature);
        }
    }

    /// <summary>Logs the game master <c>gm</c> in.</summary>
    public async Task<IkosaClient> LoginMasterAsync()
    {
        var client = new IkosaClient(new IkosaClientOptions { BaseAddress = BaseAddress, Reconnect = false });
        await client.LoginAsync("gm", PasswordOf("gm"));
        return Master = client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients)
            await client.DisposeAsync();
        if (Master is not null)
            await Master.DisposeAsync();
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
