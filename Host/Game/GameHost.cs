using Ikosa.Engine;
using Ikosa.Engine.Model;
using Ikosa.Engine.Packages;
using Ikosa.Engine.Rules;
using Ikosa.Engine.Store;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Host.Campaigns;
using Ikosa.Host.Mapping;
using Ikosa.Host.Packages;
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

    /// <summary>What every logged-in client is told when the host stops.</summary>
    public const string ShutdownReason = Ikosa.Contracts.SessionEndReasons.HostShuttingDown;

    private readonly ILogger _logger;
    private volatile bool _shuttingDown;
    private int _disposed;

    private GameHost(GameEngine engine, GameRules rules, GameHostOptions options, ILoggerFactory loggers)
    {
        Engine = engine;
        Rules = rules;
        Options = options;
        Loggers = loggers;
        _logger = loggers.CreateLogger<GameHost>();
        Throttle = new LoginThrottle(options.Clock, firstDelay: options.ThrottleDelay);
        Sessions = new SessionRegistry(new NotificationMapper(options.Rules.Notifications, loggers.CreateLogger<NotificationMapper>()));
        NotificationContractTypes = HostRules.NotificationContractTypes(options.Rules);
        StoreAlerts = new StoreAlerts(this);
    }

    /// <summary>
    /// The SRD's stat blocks and the campaign's own, as its game keeps them; a game started before games kept them uses
    /// the campaign folder the host was started with, if any.
    /// </summary>
    private Bestiary LoadBestiary()
    {
        var errors = new CampaignErrors();
        var own = Engine.Gate.Read(tx => tx.Find<CampaignHeader>(CampaignHeader.Singleton)?.OwnBestiary);
        var bestiary = own is null && Options.CampaignFile is { } folder && Directory.Exists(folder)
            ? Bestiary.ForCampaign(folder, errors)
            : Bestiary.WithOwn(own, errors);
        foreach (var error in errors.Sorted())
            _logger.LogWarning("Bestiary: {Error}", error);
        return bestiary;
    }

    public GameEngine Engine { get; }

    public GameRules Rules { get; }

    public GameHostOptions Options { get; }

    public ILoggerFactory Loggers { get; }

    public SessionRegistry Sessions { get; }

    /// <summary>The notification contracts beyond the standard ones (the rule packages'), which batches may carry.</summary>
    public IReadOnlyCollection<Type> NotificationContractTypes { get; }

    public ViewCache Views { get; } = new();

    /// <summary>
    /// What the master places monsters from during play: the SRD's stat blocks and the campaign's own, which its game
    /// keeps (so a restart without the campaign folder still has them).
    /// </summary>
    public Bestiary Bestiary { get; private set; } = null!;

    public LoginThrottle Throttle { get; }

    /// <summary>Tells the masters when saving stops and resumes; the master's status.</summary>
    public StoreAlerts StoreAlerts { get; }

    /// <summary>False while the store cannot save (writes are refused, reads go on).</summary>
    public bool CanSave => Engine.Gate.StoreHealth.CanSave;

    public long Serial => Engine.Gate.Serial;

    /// <summary>The entity types of a host without rule packages.</summary>
    public static EntityTypeRegistry Types() => HostRules.Create().Types;

    /// <summary>
    /// Opens the game file (or memory), and on a new game puts in the campaign (the sample unless
    /// <see cref="GameHostOptions.CampaignFile"/> says otherwise) and its users; the passwords it made up are returned once
    /// so the host can print them. A campaign with errors throws <see cref="CampaignCheckException"/> before a new game
    /// file is created.
    /// </summary>
    public static (GameHost Host, IReadOnlyDictionary<string, string> NewPasswords) Open(GameHostOptions options, ILoggerFactory? loggers = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        var rules = options.Rules;
        var newFile = options.Engine.DatabasePath is not { } path || !File.Exists(path);
        var start = newFile ? NewGame.Read(options.CampaignFile, rules) : null;
        var engine = OpenEngine(rules, options.Engine, loggers);
        var host = new GameHost(engine, new GameRules(options.Dice ?? new RandomDiceSource(), rules.Book, loggers), options, loggers);
        try
        {
            host.RefuseMissingPackages();
            host.StoreAlerts.WarnIfLowOnSpace();
            var passwords = host.Initialize(start);
            host.Bestiary = host.LoadBestiary();
            return (host, passwords);
        }
        catch
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Opens the engine; a saved game holding entities of a rule package that is not loaded is refused, naming the package.</summary>
    private static GameEngine OpenEngine(RuleSet rules, EngineOptions options, ILoggerFactory loggers)
    {
        try
        {
            return GameEngine.Open(rules.Types, options, loggers);
        }
        catch (StoreRefusedException error) when (UnknownType(error) is { } unknown)
        {
            throw new StoreRefusedException(
                $"the game file {options.DatabasePath} holds entities of rule package '{unknown.Package}' (type '{unknown.TypeName}'), which is not loaded " +
                $"(loaded: {string.Join(", ", rules.Names)}). Start the host with --rules and the package's DLL or folder.", error);
        }
    }

    private static UnknownEntityTypeException? UnknownType(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
            if (error is UnknownEntityTypeException unknown)
                return unknown;
        return null;
    }

    /// <summary>Before anything is written: the rule packages the game's campaign lists must be loaded.</summary>
    private void RefuseMissingPackages()
    {
        var listed = Engine.Gate.Read(tx => tx.Find<CampaignHeader>(CampaignHeader.Singleton)?.RulePackages) ?? [];
        if (listed.FirstOrDefault(p => !Options.Rules.Names.Contains(p)) is { } missing)
            throw new StoreRefusedException(
                $"the game in {Options.Engine.DatabasePath ?? "memory"} was started from a campaign that uses rule package '{missing}', which is not loaded " +
                $"(loaded: {string.Join(", ", Options.Rules.Names)}). Start the host with --rules and the package's DLL or folder.");
    }

    private IReadOnlyDictionary<string, string> Initialize(NewGame? start)
    {
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        // Start-up reads the gate directly: nothing is being served yet, and the task service is for requests.
        var isNew = !Engine.Gate.Read(tx => tx.All<UserAccount>().Any());
        start = isNew ? start ?? NewGame.Read(Options.CampaignFile, Options.Rules) : null;
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

    /// <summary>Sets a user's password (creating a player user when new; a one-time code waiting for it is dropped); for the host's command line.</summary>
    public void SetPassword(string user, string password, bool? isMaster = null)
    {
        var hash = PasswordHasher.Hash(password);
        Engine.Gate.Write(tx =>
        {
            var existing = tx.Find<UserAccount>(UserAccount.KeyFor(user));
            tx.Put(existing is null
                ? new UserAccount(UserAccount.KeyFor(user), user, isMaster ?? false, hash, false)
                : existing with { PasswordHash = hash, IsMaster = isMaster ?? existing.IsMaster, Code = null });
            Rules.Initialize(tx, tx.All<UserAccount>().Where(u => u.IsMaster).Select(u => u.Name));
        });
    }

    /// <summary>
    /// Reads through the task service on <paramref name="queue"/> (a session's ticket): one client's requests run in
    /// arrival order, different clients' in parallel. A read that changes the model is re-run as a write. A read that
    /// finds its queue idle and the gate free runs at once on the caller's thread (it never waits there).
    /// </summary>
    public Task<T> ReadAsync<T>(string queue, Func<Transaction, T> read) => Engine.Tasks.Submit(queue, TransactionMode.Read, read, runNowIfFree: true);

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
        if (_shuttingDown || Sessions.FindByTicket(session.Ticket) != session || !session.IsCurrent(channel))
            return;
        var droppedAt = Options.Clock.GetUtcNow();
        session.MarkDropped(droppedAt);
        Engine.Notifications.Disconnect(session.UserName, session);
        _logger.LogInformation("{User} dropped; seat kept for {Grace}", session.UserName, Options.SeatGrace);
        TryNotifyMasters($"{session.UserName} dropped; their seat is kept for {Durations.InWords(Options.SeatGrace)}");
        session.SeatExpiry = ExpireSeatAsync(session, droppedAt);
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
        // A login that came back (resumed), was replaced by a new login of its user, or ended otherwise keeps what it has.
        if (session.DroppedAt == droppedAt && Sessions.FindByTicket(session.Ticket) == session && !_shuttingDown)
            await EndSessionAsync(session, "did not come back in time").ConfigureAwait(false);
    }

    /// <summary>Ends a login: detaches it, releases its characters (unless a new login of the same user takes over), tells everyone.</summary>
    public async Task EndSessionAsync(ClientSession session, string reason, bool keepControl = false)
    {
        // Once is all: a second end (a late timer, a kick racing a logout) would release the characters a newer login holds.
        if (!session.MarkEnded())
            return;
        Sessions.Remove(session);
        Engine.Notifications.Disconnect(session.UserName, session);
        // The goodbyes go out on their own (each given a short timeout): a client that stopped reading holds nobody here.
        _ = session.EndAsync(reason);
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
    /// event handler or a delivery thread that must not block on the gate. Once the host is shutting down there is no
    /// one left to tell.
    /// </summary>
    public void TryNotifyMasters(string what)
    {
        if (!_shuttingDown)
            _ = NotifyMastersAsync(what);
    }

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
        catch (ObjectDisposedException)
        {
            _logger.LogDebug("The game closed before the masters could be told: {What}", what);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            _logger.LogWarning(error, "Could not tell the masters: {What}", what);
        }
    }

    /// <summary>
    /// The host is stopping: every login is told <paramref name="reason"/> and its channel let go, each client given at
    /// most <see cref="ClientSession.GoodbyeTimeout"/>. Seats are not released (the game file keeps them for the next
    /// start), and nothing more is written or announced for sessions that end from now on.
    /// </summary>
    public async Task EndAllSessionsAsync(string reason)
    {
        _shuttingDown = true;
        var goodbyes = Sessions.All.Select(session =>
        {
            Engine.Notifications.Disconnect(session.UserName, session);
            return session.EndAsync(reason);
        }).ToList();
        if (goodbyes.Count > 0)
            _logger.LogInformation("Telling {Count} logged-in clients: {Reason}", goodbyes.Count, reason);
        await Task.WhenAll(goodbyes).ConfigureAwait(false);
    }

    private static string NewPassword() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(9)).Replace('+', 'x').Replace('/', 'y');

    /// <summary>Closes the engine (and its store) once, whoever asks first: the host program and the server both may.</summary>
    public async ValueTask DisposeAsync()
    {
        _shuttingDown = true;
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            await Engine.DisposeAsync().ConfigureAwait(false);
    }
}

public sealed record GameHostOptions
{
    public EngineOptions Engine { get; init; } = new();

    /// <summary>The rules: the standard ones and the rule packages loaded (<see cref="HostRules.Create"/>).</summary>
    public RuleSet Rules { get; init; } = HostRules.Create();

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

    /// <summary>Accept passwords sent in clear from other machines (<c>--insecure-passwords</c>); see <see cref="PasswordTransport"/>.</summary>
    public bool InsecurePasswords { get; init; }

    /// <summary>How long a one-time code the game master made works.</summary>
    public TimeSpan OneTimeCodeLifetime { get; init; } = OneTimeCode.Lifetime;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Free space on the game file's disk below which the host warns at start and flags the master's status, in bytes.
    /// </summary>
    public long LowSpaceWarning { get; init; } = 100L * 1024 * 1024;

    /// <summary>Where named snapshots go (a "snapshots" folder inside it).</summary>
    public string SnapshotFolder { get; init; } = AppContext.BaseDirectory;
}
