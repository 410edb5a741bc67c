using Ikosa.Engine.Workflow;
using Ikosa.Host.Security;
using Ikosa.Host.Users;
using Ikosa.Tests.Engine;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>
/// The sample game on loopback, saved to a SQLite file, with the fuzzed caller and the others at the table (whose
/// names, creatures and prompts the fuzz uses as other users' ids). The engine's clock stands still, so no scheduled
/// task changes the game between two reads of it: what changed, a call changed.
/// </summary>
public sealed class FuzzTable : IAsyncDisposable
{
    /// <summary>Who plays what in the sample campaign (Host/Campaigns/Sample); the game master plays nothing.</summary>
    public static readonly IReadOnlyDictionary<string, Guid> Characters = new Dictionary<string, Guid>
    {
        ["alice"] = Sample.Tordek.Value,
        ["bob"] = Sample.Mialee.Value,
    };

    private readonly string _folder;
    private readonly Dictionary<string, FuzzCaller> _others = new();

    private FuzzTable(string folder, LoopbackGame game, string staleTicket)
    {
        _folder = folder;
        Game = game;
        StaleTicket = staleTicket;
    }

    public LoopbackGame Game { get; }

    public FuzzCaller Caller { get; private set; } = null!;

    /// <summary>The ticket of a login that ended (carol logged in and out).</summary>
    public string StaleTicket { get; }

    public static async Task<FuzzTable> StartAsync(string caller, params string[] others)
    {
        var folder = Directory.CreateTempSubdirectory("ikosa-fuzz-").FullName;
        var game = await LoopbackGame.StartAsync(Path.Combine(folder, "game.ikosa"), engineClock: new ManualClock(), snapshotFolder: folder);
        var stale = await FuzzCaller.LoginAsync(game, "carol");
        await stale.Login.LogoutAsync();
        await stale.DisposeAsync();
        var table = new FuzzTable(folder, game, stale.Ticket);
        foreach (var other in others)
            table._others[other] = await LoginAsync(game, other);
        table.Caller = await LoginAsync(game, caller);
        return table;
    }

    /// <summary>The game as the caller sees it now.</summary>
    public FuzzWorld World() => FuzzWorld.Read(Game.Game, new Actor(Caller.User, Caller.IsMaster), Caller.Ticket, StaleTicket);

    /// <summary>Logs the caller in again on new channels (after a logout, or after a call broke its login).</summary>
    public async Task ReplaceCallerAsync()
    {
        await Caller.DisposeAsync();
        Caller = await LoginAsync(Game, Caller.User);
    }

    /// <summary>
    /// Brings the table back between rounds: everyone logged in, enabled and playing their character, so that each round
    /// fuzzes the same kind of table (a master may have kicked or disabled a player, or taken their character).
    /// </summary>
    public async Task RestoreAsync()
    {
        foreach (var (user, session) in _others.ToList())
        {
            if (Game.Game.Sessions.FindByTicket(session.Ticket) is not null)
                continue;
            await session.DisposeAsync();
            _others[user] = await LoginAsync(Game, user);
        }
        if (Game.Game.Sessions.FindByTicket(Caller.Ticket) is null || Caller.Broken().Any())
            await ReplaceCallerAsync();
        else if (Characters.TryGetValue(Caller.User, out var character))
            await TakeAsync(Caller, character);
    }

    private static async Task<FuzzCaller> LoginAsync(LoopbackGame game, string user)
    {
        // The fuzz tries wrong passwords, disables users and resets their passwords: none may keep the table from
        // sitting down again.
        game.Game.Throttle.Succeeded(user);
        var password = PasswordHasher.Hash(LoopbackGame.PasswordOf(user));
        await game.Game.WriteAsync(tx =>
        {
            if (tx.Find<UserAccount>(UserAccount.KeyFor(user)) is { } account && (account.Disabled || account.Code is not null))
                tx.Put(account with { Disabled = false, PasswordHash = account.Code is null ? account.PasswordHash : password, Code = null });
        });
        var caller = await FuzzCaller.LoginAsync(game, user);
        if (Characters.TryGetValue(user, out var character))
            await TakeAsync(caller, character);
        return caller;
    }

    /// <summary>Takes the character back, unless someone else (a master) holds it now.</summary>
    private static async Task TakeAsync(FuzzCaller caller, Guid character)
    {
        try
        {
            await caller.Login.SelectCharactersAsync([character], []);
        }
        catch (Ikosa.ServiceModel.FaultException<Ikosa.Contracts.InvalidStateFault>)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Caller.DisposeAsync();
        foreach (var other in _others.Values)
            await other.DisposeAsync();
        await Game.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
