using System.Text.Json;
using System.Text.RegularExpressions;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Host.Campaigns;
using Ikosa.Host.Game;
using Ikosa.Host.Mapping;
using Ikosa.Host.Network;
using Ikosa.Host.Security;
using Ikosa.Host.Sessions;
using Ikosa.Host.Users;
using Ikosa.ServiceModel;

namespace Ikosa.Host.Services;

/// <summary>The game master's controls; every operation is declared master-only except binding.</summary>
public sealed partial class MasterService(GameHost game, Invitations invitations) : BoundService(game), IMasterService
{
    [Authorize(Access.Anyone)]
    public Task BindAsync(string ticket) => BindChannelAsync<IMasterCallback>(ticket, (callback, reason) => callback.OnSessionEndedAsync(reason));

    [Authorize(Access.Master)]
    public Task<ResultInfo> SetPausedAsync(bool paused) => RuleAsync(tx => Game.Rules.SetTimeFlow(tx, Actor, running: !paused));

    [Authorize(Access.Master)]
    public Task<ResultInfo> StartCombatAsync(List<Guid> creatures) => RuleAsync(tx => Game.Rules.StartCombat(tx, Actor, CreaturesNamed(tx, creatures, "creatures")));

    [Authorize(Access.Master)]
    public Task<ResultInfo> StopCombatAsync() => RuleAsync(tx => Game.Rules.StopCombat(tx, Actor));

    [Authorize(Access.Master)]
    public Task<ResultInfo> AddCombatantsAsync(List<Guid> creatures) => RuleAsync(tx => Game.Rules.AddCombatants(tx, Actor, CreaturesNamed(tx, creatures, "creatures")));

    [Authorize(Access.Master)]
    public Task<ResultInfo> DropCombatantsAsync(List<Guid> creatures) => RuleAsync(tx => Game.Rules.DropCombatants(tx, Actor, CreaturesNamed(tx, creatures, "creatures")));

    [Authorize(Access.Master)]
    public Task<List<AnswerResultInfo>> AnswerPrerequisitesAsync(List<AnswerInfo> answers) => AnswerPromptsAsync(answers);

    [Authorize(Access.Master)]
    public Task<CreatureInfo> EditCreatureAsync(CreatureEditInfo edit) => WriteAsync(tx =>
    {
        var creature = CreatureNamed(tx, edit.Id, "edit.Id");
        if (GameService.VersionOf(Game, creature) != edit.ExpectedVersion)
            throw new FaultException<InvalidStateFault>(new InvalidStateFault { Reason = $"{creature.Name} changed since you read it; read it again" }, "changed since read");
        var changed = creature;
        if (edit.HitPoints is { } hp)
            changed = changed with { HitPoints = Math.Clamp(hp, -10, creature.MaxHitPoints) };
        if (edit.X is { } x && edit.Y is { } y)
        {
            var cell = new Cell(x, y);
            if (SceneMap.Of(tx, creature.Scene).Blocks(cell))
                throw InvalidArgument("edit.X/Y", $"({x},{y}) is outside the map or blocked");
            changed = changed with { Position = cell };
        }
        if (!string.IsNullOrWhiteSpace(edit.Name))
        {
            var name = edit.Name.Trim();
            // Names are how players address creatures: two of one name could be told apart by neither.
            if (tx.All<Creature>().FirstOrDefault(c => c.Id != creature.Id && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) is { } twin)
                throw InvalidArgument("edit.Name", $"another creature is already called {twin.Name}; choose another name");
            changed = changed with { Name = name };
        }
        Placement.Put(tx, tx.Put, changed);
        // Its player and those who see it (where it was or where it is now) learn that it changed: the rest do not know it is there.
        tx.Notify(Visibility.Observers(tx, creature.Id, creature.Position, changed.Position).ToList(), new SystemEvent($"the game master edited {changed.Name}"));
        return GameMapper.ToInfo(changed, GameService.VersionOf(Game, changed));
    });

    [Authorize(Access.Master)]
    public Task<ResultInfo> AllowPhysicalDiceAsync(string user, bool allowed) => RuleAsync(tx =>
    {
        var account = tx.Find<UserAccount>(UserAccount.KeyFor(user)) ?? throw InvalidArgument("user", $"there is no user '{user}'");
        return Game.Rules.AllowPhysicalDice(tx, Actor, account.Name, allowed);
    });

    [Authorize(Access.Master)]
    public async Task<ResultInfo> KickUserAsync(string user)
    {
        if (string.Equals(user, Actor.UserName, StringComparison.OrdinalIgnoreCase))
            throw InvalidArgument("user", "you cannot kick yourself; log out instead");
        var session = Game.Sessions.FindByUser(user) ?? throw InvalidArgument("user", $"'{user}' is not logged in");
        await Game.EndSessionAsync(session, "kicked by the game master").ConfigureAwait(false);
        return new ResultInfo { Accepted = true, Serial = Game.Serial };
    }

    [Authorize(Access.Master)]
    public async Task<ResultInfo> DisableUserAsync(string user, bool disabled)
    {
        await WriteAsync(tx =>
        {
            var account = tx.Find<UserAccount>(UserAccount.KeyFor(user)) ?? throw InvalidArgument("user", $"there is no user '{user}'");
            if (account.IsMaster && disabled)
                throw InvalidArgument("user", "a game master cannot be disabled here");
            tx.Put(account with { Disabled = disabled });
            return 0;
        }).ConfigureAwait(false);
        if (disabled && Game.Sessions.FindByUser(user) is { } session)
            await Game.EndSessionAsync(session, "disabled by the game master").ConfigureAwait(false);
        return new ResultInfo { Accepted = true, Serial = Game.Serial };
    }

    /// <summary>Writes every committed entity, as the store's JSON, to <c>snapshots/NAME.json</c> beside the data file.</summary>
    [Authorize(Access.Master)]
    public async Task<ResultInfo> SaveSnapshotAsync(string name)
    {
        if (!SnapshotName().IsMatch(name))
            throw InvalidArgument("name", "use 1 to 64 letters, digits, '-' or '_'");
        var folder = Path.Combine(Game.Options.SnapshotFolder, "snapshots");
        var (serial, entities) = await ReadAsync(tx => (Game.Serial, tx.All<Entity>().Select(e => new { type = Game.Engine.Gate.Types.NameOf(e.GetType()), entity = Game.Engine.Gate.Types.Serialize(e) }).ToList())).ConfigureAwait(false);
        var path = Path.Combine(folder, name + ".json");
        var partial = path + ".partial"; // a full disk must not leave half a snapshot under the name
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(new { serial, entities })).ConfigureAwait(false);
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            var reason = $"The snapshot could not be written to {path}: {error.Message} The game itself is not affected.";
            throw new FaultException<HostCannotSaveFault>(new HostCannotSaveFault { Reason = reason, Cause = nameof(Engine.Store.StoreProblemKind.DiskError) }, reason);
        }
        return new ResultInfo { Accepted = true, Serial = serial };
    }

    /// <summary>Where the game is saved, the free space there, and whether saving works: read without entering the gate.</summary>
    [Authorize(Access.Master)]
    public Task<HostStatusInfo> GetHostStatusAsync() => Task.FromResult(Game.StoreAlerts.Status());

    /// <summary>A new player user with no password yet: only the one-time code returned, which the player exchanges for one.</summary>
    [Authorize(Access.Master)]
    public async Task<OneTimeCodeInfo> CreatePlayerAsync(string user)
    {
        if (!CampaignIds.IsUserName(user))
            throw InvalidArgument("user", "use 1 to 32 letters, digits, '.', '-' or '_'");
        var (code, pending) = NewCode();
        var master = Actor.UserName;
        await WriteAsync(tx =>
        {
            if (tx.Find<UserAccount>(UserAccount.KeyFor(user)) is { } existing)
                throw InvalidArgument("user", $"there is already a user '{existing.Name}'; reset their password instead");
            tx.Put(new UserAccount(UserAccount.KeyFor(user), user, IsMaster: false, PasswordHash: "", Disabled: false) { Code = pending });
            tx.Notify(Game.Masters(tx), new SystemEvent($"{master} created the player {user}"));
            return 0;
        }).ConfigureAwait(false);
        return new OneTimeCodeInfo { UserName = user, Code = code, Expires = pending.Expires.UtcDateTime };
    }

    /// <summary>The user's password stops working at once; the one-time code returned takes its place until used.</summary>
    [Authorize(Access.Master)]
    public async Task<OneTimeCodeInfo> ResetPasswordAsync(string user)
    {
        var (code, pending) = NewCode();
        var master = Actor.UserName;
        var name = await WriteAsync(tx =>
        {
            var account = tx.Find<UserAccount>(UserAccount.KeyFor(user)) ?? throw InvalidArgument("user", $"there is no user '{user}'");
            tx.Put(account with { PasswordHash = "", Code = pending });
            tx.Notify(Game.Masters(tx), new SystemEvent($"{master} reset the password of {account.Name}"));
            return account.Name;
        }).ConfigureAwait(false);
        return new OneTimeCodeInfo { UserName = name, Code = code, Expires = pending.Expires.UtcDateTime };
    }

    [Authorize(Access.Master)]
    public async Task<InviteInfo> GetInviteAsync(string user)
    {
        var account = await ReadAsync(tx => tx.Find<UserAccount>(UserAccount.KeyFor(user))).ConfigureAwait(false)
            ?? throw InvalidArgument("user", $"there is no user '{user}'");
        return invitations.For(account.Name);
    }

    /// <summary>A new code and what the host keeps of it; hashed here, before the write, as hashing is slow on purpose.</summary>
    private (string Code, PendingCode Pending) NewCode()
    {
        var code = OneTimeCode.New();
        var expires = Game.Options.Clock.GetUtcNow() + Game.Options.OneTimeCodeLifetime;
        return (code, new PendingCode(PasswordHasher.Hash(OneTimeCode.Normalize(code)!), expires));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SnapshotName();
}
