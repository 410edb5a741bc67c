using System.Collections.Concurrent;
using Ikosa.Client.Library;
using Ikosa.Contracts;
using Ikosa.Engine;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Host.Game;
using Ikosa.Host.Hosting;
using Ikosa.Host.Packages;
using Ikosa.Engine.Packages;
using Ikosa.Host.Security;
using Ikosa.ServiceModel.Configuration;

namespace Ikosa.Tests.EndToEnd;

/// <summary>The host with the sample campaign on a free loopback port, and clients that record every batch they get.</summary>
public sealed class LoopbackGame : IAsyncDisposable
{
    public const string MasterPassword = "gm-secret";

    private readonly List<IkosaClient> _clients = new();

    private LoopbackGame(IkosaServer server, ScriptedDiceSource dice)
    {
        Server = server;
        Dice = dice;
    }

    public IkosaServer Server { get; }

    public GameHost Game => Server.Game;

    public ScriptedDiceSource Dice { get; }

    public Uri BaseAddress => new(Server.AddressOf<ILoginService>(), ".");

    public static string PasswordOf(string user) => user == "gm" ? MasterPassword : user + "-secret";

    /// <summary>
    /// Starts the host on the sample campaign, or on <paramref name="campaign"/> (a folder or snapshot); the passwords of
    /// gm, alice, bob, carol and dave are <see cref="PasswordOf"/>. <paramref name="section"/> replaces the shipped
    /// ikosa.config (see <see cref="ShippedConfig"/>).
    /// </summary>
    /// <param name="engineClock">the engine's clock (budgets, scheduled tasks, store retries); the system's by default</param>
    /// <param name="hostClock">the host's clock (seat grace, login throttle, one-time codes); the system's by default</param>
    /// <param name="rules">the rules played: the standard ones unless given (<see cref="HostRules.Create"/> with rule packages)</param>
    /// <param name="snapshotFolder">where SaveSnapshot writes (in its snapshots/ folder); the temporary folder by default</param>
    public static async Task<LoopbackGame> StartAsync(string? databasePath = null, TimeSpan? seatGrace = null, NotificationOptions? notifications = null,
        TimeProvider? engineClock = null, string? campaign = null, ServiceModelSection? section = null, TimeProvider? hostClock = null,
        RuleSet? rules = null, string? snapshotFolder = null)
    {
        PasswordHasher.Iterations = 1_000; // the tests log in often; the production default stays slow on purpose
        var dice = new ScriptedDiceSource();
        var (game, _) = GameHost.Open(new GameHostOptions
        {
            Engine = new EngineOptions
            {
                DatabasePath = databasePath,
                Notifications = notifications ?? new(),
                Gate = engineClock is null ? new() : new GateOptions { Time = engineClock, Budget = TimeSpan.FromSeconds(30) },
            },
            Dice = dice,
            Rules = rules ?? HostRules.Create(),
            CampaignFile = campaign,
            InitialPasswords = Sample.Players.Append("gm").ToDictionary(u => u, PasswordOf),
            SeatGrace = seatGrace ?? TimeSpan.FromMinutes(5),
            Clock = hostClock ?? TimeProvider.System,
            ThrottleDelay = TimeSpan.FromMinutes(10),
            SnapshotFolder = snapshotFolder ?? Path.GetTempPath(),
        });
        section ??= ServiceModelSection.Parse(ShippedConfig(), "ikosa.config");
        var server = await IkosaServer.StartAsync(game, section, port: 0, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        return new LoopbackGame(server, dice);
    }

    /// <summary>A logged-in client whose batches are recorded in <see cref="RecordingClient.Batches"/>.</summary>
    public Task<RecordingClient> LoginAsync(string user, params Guid[] characters) => LoginAsync(user, [], characters);

    /// <summary>A logged-in client that knows the rule packages' notification contracts <paramref name="notificationContracts"/>.</summary>
    public async Task<RecordingClient> LoginAsync(string user, IReadOnlyList<Type> notificationContracts, params Guid[] characters)
    {
        var client = new IkosaClient(new IkosaClientOptions
        {
            BaseAddress = BaseAddress, Binding = HostLimits(), FirstReconnectDelay = TimeSpan.FromMilliseconds(50), NotificationContracts = notificationContracts,
        });
        var recording = new RecordingClient(client);
        await client.LoginAsync(user, PasswordOf(user));
        if (characters.Length > 0)
            await client.Login.SelectCharactersAsync(characters.ToList(), []);
        lock (_clients)
            _clients.Add(client);
        return recording;
    }

    /// <summary>
    /// The client binding with the host's limits (app.config: 1 MiB messages): a batch that coalesced many large
    /// notifications while a client was busy must not exceed what the client accepts.
    /// </summary>
    public static Ikosa.ServiceModel.NetTcpBinding HostLimits() => new() { ReceiveTimeout = TimeSpan.FromHours(4), MaxReceivedMessageSize = 1 << 20 };

    /// <summary>The text of the shipped configuration (app.config, copied beside the tests as ikosa.config).</summary>
    public static string ShippedConfig() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ikosa.config"));

    public static Guid Id(global::Ikosa.Engine.Model.EntityId id) => id.Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>A client and every batch it received, in arrival order.</summary>
public sealed class RecordingClient
{
    public RecordingClient(IkosaClient client)
    {
        Client = client;
        client.BatchReceived += batch =>
        {
            Batches.Enqueue(batch);
            lock (_waiters)
                foreach (var waiter in _waiters.ToList())
                    if (waiter.Condition(batch))
                    {
                        waiter.Done.TrySetResult(batch);
                        _waiters.Remove(waiter);
                    }
        };
    }

    private readonly List<(Func<BatchInfo, bool> Condition, TaskCompletionSource<BatchInfo> Done)> _waiters = new();

    public IkosaClient Client { get; }

    public ConcurrentQueue<BatchInfo> Batches { get; } = new();

    public IEnumerable<NotificationInfo> Notifications => Batches.SelectMany(b => b.Items);

    /// <summary>Completes with the first batch (already received or coming) that satisfies <paramref name="condition"/>.</summary>
    public Task<BatchInfo> WaitForAsync(Func<BatchInfo, bool> condition)
    {
        lock (_waiters)
        {
            if (Batches.FirstOrDefault(condition) is { } seen)
                return Task.FromResult(seen);
            var done = new TaskCompletionSource<BatchInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Waits until this client has received the batch of commit <paramref name="serial"/> or a later one.</summary>
    public Task<BatchInfo> WaitForSerialAsync(long serial) => WaitForAsync(b => b.Serial >= serial);
}
