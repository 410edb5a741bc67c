using Ikosa.Engine;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules;
using Ikosa.Engine.Store;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Host.Campaigns;
using Ikosa.Host.Security;
using Ikosa.Host.Sessions;
using Ikosa.Host.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Host.Game;

/// <summary>
/// The game as the services see it: the engine (gate, store, tasks, notifications), the rules, the users and the
/// logins. Services stay thin: they authorize, enter the gate through here, and map.
/// </summary>
public sealed class GameHost : IAsyncDisposable
{
    /// <summary>The task queue of the host's own work, which belongs to no login.</summary>
    public const string HostQueue = "ikosa.host";

    private readonly ILogger _logger;

    private GameHost(GameEngine engine, GameRules rules, GameHostOptions options, ILoggerFactory loggers)
    {
        Engine = engine;
        Rules = rules;
        Options = options;
        Loggers = loggers;
        _logger = loggers.CreateLogger<GameHost>();
        Throttle = new LoginThrottle(options.Clock, firstDelay: options.ThrottleDelay);
        StoreAlerts = new StoreAlerts(this);
    }

    public GameEngine Engine { get; }

    public GameRules Rules { get; }

    public GameHostOptions Options { get; }

    public ILoggerFactory Loggers { get; }

    public SessionRegistry Sessions { get; } = new();

    public ViewCache Views { get; } = new();

    public LoginThrottle Throttle { get; }

    /// <summary>Tells the masters when saving stops and resumes; the master's status.</summary>
    public StoreAlerts StoreAlerts { get; }

    /// <summary>False while the store cannot save (writes are refused, reads go on).</summary>
    public bool CanSave => Engine.Gate.StoreHealth.CanSave;

    public long Serial => Engine.Gate.Serial;

    public static EntityTypeRegistry Types() =>
        GameRules.RegisterTypes(new EntityTypeRegistry())
            .Register<UserAccount>(UserAccount.TypeName)
            .Register<ExploredCells>(ExploredCells.TypeName)
            .Register<CampaignHeader>(CampaignHeader.TypeName);

    /// <summary>
    /// Opens the game file (or memory), and on a new game puts in the campaign (the sample unless
    /// <see cref="GameHostOptions.CampaignFile"/> says otherwise) and its users; the passwords it made up are returned once
    /// so the host can print them. A campaign with errors throws <see cref="CampaignCheckException"/> before a new game
    /// file is created.
    /// </summary>
    public static (GameHost Host, IReadOnlyDictionary<string, string> NewPasswords) Open(GameHostOptions options, ILoggerFactory? loggers = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        var types = Types();
        var newFile = options.Engine.DatabasePath is not { } path || !File.Exists(path);
        var start = newFile ? NewGame.Read(options.CampaignFile, types) : null;
        var engine = GameEngine.Open(types, options.Engine, loggers);
        var host = new GameHost(engine, new GameRules(options.Dice ?? new RandomDiceSource(), loggers: loggers), options, loggers);
        try
        {
            host.StoreAlerts.WarnIfLowOnSpace();
            return (host, host.Initialize(start));
        }
        catch
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    private IReadOnlyDictionary<string, string> Initialize(NewGame? start)
    {
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        // Start-up reads the gate directly: nothing is being served yet, and the task service is for requests.
        var isNew = !Engine.Gate.Read(tx => tx.All<UserAccount>().Any());
        start = isNew ? start ?? NewGame.Read(Options.CampaignFile, Engine.Gate.Types) : null;
        // Hashing is slow on purpose, so it happens before the write, never inside its time budget.
        var accounts = new List<UserAccount>();
        foreach (var user in start?.Users ?? [])
        {
            var password = Options.InitialPasswords?.GetValueOrDefault(user.Name) ?? NewPassword();
            passwords[user.Name] = password;
            accounts.Add(new UserAccount(UserAccount.KeyFor(user.Name), user.Name, user.IsMaster, PasswordHasher.Hash(password), Disabled: false));
        }
        Engine.Gate.Write(tx =>
        {
            if (start is not null && !tx.All<UserAccount>().Any())
            {
                start.PutInto(tx);
                foreach (var account in accounts)
                    tx.Put(account);
            }
            Rules.Initialize(tx, tx.All<UserAccount>().Where(u => u.IsMaster).Select(u => u.Name));
            ExploredCells.Upgrade(tx);
        });
        _logger.LogInformation("Game open at serial {Serial} with {Users} users", Serial, Engine.Gate.Read(tx => tx.All<UserAccount>().Count()));
        return passwords;
    }

    /// <summary>Sets a user's password (creating a player user when new); for the host's command line.</summary>
    public void SetPassword(string user, string password, bool? isMaster = null)
    {
        var hash = PasswordHasher.Hash(password);
        Engine.Gate.Write(tx =>
        {
            var existing = tx.Find<UserAccount>(UserAccount.KeyFor(user));
            tx.Put(existing is null
                ? new UserAccount(UserAccount.KeyFor(user), user, isMaster ?? false, hash, false)
                : existing with { PasswordHash = hash, IsMaster = isMaster ?? existing.IsMaster });
            Rules.Initialize(tx, tx.All<UserAccount>().Where(u => u.IsMaster).Select(u => u.Name));
        });
    }

    /// <summary>
    /// Reads through the task service on <paramref name="queue"/> (a session's ticket): one client's requests run in
    /// arrival order, different clients' in parallel. A read that changes the model is re-run as a write.
    /// </summary>
    public Task<T> ReadAsync<T>(string queue, Func<Transaction, T> read) => Engine.Tasks.Submit(queue, TransactionMode.Read, read);

    /// <summary>
    /// Writes through the task service on <paramref name="queue"/>: writes arriving together from different queues share
    /// one group commit (one sync), each still its own transaction, durable before anyone is told.
    /// </summary>
    public Task<T> WriteAsync<T>(string queue, Func<Transaction, T> write) => Engine.Tasks.Submit(queue, TransactionMode.Write, write);

    public Task WriteAsync(string queue, Action<Transaction> write) => Engine.Tasks.Submit(queue, TransactionMode.Write, write);

    /// <summary>A write for work that belongs to no login (sessions ending, system events).</summary>
    public Task WriteAsync(Action<Transaction> write) => WriteAsync(HostQueue, write);

    /// <summary>The user names of everyone logged in, for presence notifications.</summary>
    public IReadOnlyList<string> OnlineUsers => Sessions.All.Select(s => s.UserName).ToList();

    public IReadOnlyList<string> Masters(IModelReader reader) =>
        reader.All<UserAccount>().Where(u => u.IsMaster).Select(u => u.Name).ToList();

    /// <summary>
    /// A login channel closed without a logout: the client keeps its seat (its characters) for the grace period and
    /// may resume with its ticket; after that its session ends.
    /// </summary>
    public void OnLoginChannelClosed(ClientSession session, Contracts.ILoginCallback channel)
    {
        if (Sessions.FindByTicket(session.Ticket) != session || !session.IsCurrent(channel))
            return;
        var droppedAt = Options.Clock.GetUtcNow();
        session.MarkDropped(droppedAt);
        Engine.Notifications.Disconnect(session.UserName, session);
        _logger.LogInformation("{User} dropped; seat kept for {Grace}", session.UserName, Options.SeatGrace);
        TryNotifyMasters($"{session.UserName} dropped; their seat is kept for {Options.SeatGrace}");
        _ = ExpireSeatAsync(session, droppedAt);
    }

    /// <summary>
    /// The engine gave up on a client that does not keep up with its batches. Its login channel is dropped, which starts
    /// the seat's grace period as any drop does (so it may resume, and is told to refetch), and the masters are told.
    /// </summary>
    public void OnClientCutOff(ClientSession session, string reason)
    {
        _logger.LogWarning("{User} cut off: {Reason}", session.UserName, reason);
        TryNotifyMasters($"{session.UserName} was cut off: {reason}");
        session.AbortChannel();
    }

    private async Task ExpireSeatAsync(ClientSession session, DateTimeOffset droppedAt)
    {
        await Task.Delay(Options.SeatGrace, Options.Clock).ConfigureAwait(false);
        if (session.DroppedAt == droppedAt)
            await EndSessionAsync(session, "did not come back in time").ConfigureAwait(false);
    }

    /// <summary>Ends a login: detaches it, releases its characters (unless a new login of the same user takes over), tells everyone.</summary>
    public async Task EndSessionAsync(ClientSession session, string reason, bool keepControl = false)
    {
        Sessions.Remove(session);
        Engine.Notifications.Disconnect(session.UserName, session);
        await session.EndAsync(reason).ConfigureAwait(false);
        try
        {
            await WriteAsync(tx =>
            {
                if (!keepControl)
                    foreach (var creature in Rules.ControlledCreatures(tx, session.Actor))
                        Rules.ReleaseControl(tx, session.Actor, creature.Id);
                tx.Notify(OnlineUsers.Union(Masters(tx)).ToList(), new PresenceChanged(session.UserName, false));
                tx.Notify(Masters(tx), new SystemEvent($"{session.UserName} left: {reason}"));
            }).ConfigureAwait(false);
        }
        catch (StoreFailedException error) when (error.Problem is { } problem)
        {
            _logger.LogInformation("Ending the session of {User} could not be recorded: the host cannot save ({Summary})", session.UserName, problem.Summary);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            _logger.LogError(error, "Ending the session of {User} could not be recorded", session.UserName);
        }
        _logger.LogInformation("Session of {User} ended: {Reason}", session.UserName, reason);
    }

    /// <summary>
    /// A system event for the game masters; best effort: it never fails nor waits for the caller, who may be a channel's
    /// event handler or a delivery thread that must not block on the gate.
    /// </summary>
    public void TryNotifyMasters(string what) => _ = NotifyMastersAsync(what);

    private async Task NotifyMastersAsync(string what)
    {
        try
        {
            await WriteAsync(tx => tx.Notify(Masters(tx), new SystemEvent(what))).ConfigureAwait(false);
        }
        catch (StoreFailedException error) when (error.Problem is { } problem)
        {
            _logger.LogInformation("Could not tell the masters ({Summary}): {What}", problem.Summary, what);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            _logger.LogWarning(error, "Could not tell the masters: {What}", what);
        }
    }

    private static string NewPassword() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(9)).Replace('+', 'x').Replace('/', 'y');

    public async ValueTask DisposeAsync() => await Engine.DisposeAsync().ConfigureAwait(false);
}

public sealed record GameHostOptions
{
    public EngineOptions Engine { get; init; } = new();

    public IDiceSource? Dice { get; init; }

    /// <summary>
    /// What a new game starts from: a campaign folder or a snapshot the master saved; null for the sample campaign shipped
    /// with the host. Ignored for an existing game.
    /// </summary>
    public string? CampaignFile { get; init; }

    /// <summary>Passwords for the campaign's users on a new game (tests, scripted set-up); others are made up and printed once.</summary>
    public IReadOnlyDictionary<string, string>? InitialPasswords { get; init; }

    /// <summary>How long a dropped client keeps its characters before they are released.</summary>
    public TimeSpan SeatGrace { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan ThrottleDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Free space on the game file's disk below which the host warns at start and flags the master's status, in bytes.
    /// </summary>
    public long LowSpaceWarning { get; init; } = 100L * 1024 * 1024;

    /// <summary>Where named snapshots go (a "snapshots" folder inside it).</summary>
    public string SnapshotFolder { get; init; } = AppContext.BaseDirectory;
}
