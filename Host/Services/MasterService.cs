using System.Text.Json;
using System.Text.RegularExpressions;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Host.Game;
using Ikosa.Host.Mapping;
using Ikosa.Host.Security;
using Ikosa.Host.Sessions;
using Ikosa.Host.Users;
using Ikosa.ServiceModel;

namespace Ikosa.Host.Services;

/// <summary>The game master's controls; every operation is declared master-only except binding.</summary>
public sealed partial class MasterService(GameHost game) : BoundService(game), IMasterService
{
    [Authorize(Access.Anyone)]
    public void Bind(string ticket) => BindTo(ticket, nameof(Bind));

    [Authorize(Access.Master)]
    public ResultInfo SetPaused(bool paused) => ToResult(Write(tx => Game.Rules.SetTimeFlow(tx, Actor, running: !paused)));

    [Authorize(Access.Master)]
    public ResultInfo StartCombat(List<Guid> creatures) => ToResult(Write(tx => Game.Rules.StartCombat(tx, Actor, Ids(creatures))));

    [Authorize(Access.Master)]
    public ResultInfo StopCombat() => ToResult(Write(tx => Game.Rules.StopCombat(tx, Actor)));

    [Authorize(Access.Master)]
    public ResultInfo AddCombatants(List<Guid> creatures) => ToResult(Write(tx => Game.Rules.AddCombatants(tx, Actor, Ids(creatures))));

    [Authorize(Access.Master)]
    public ResultInfo DropCombatants(List<Guid> creatures) => ToResult(Write(tx => Game.Rules.DropCombatants(tx, Actor, Ids(creatures))));

    [Authorize(Access.Master)]
    public List<AnswerResultInfo> AnswerPrerequisites(List<AnswerInfo> answers) => AnswerPrompts(answers);

    [Authorize(Access.Master)]
    public CreatureInfo EditCreature(CreatureEditInfo edit)
    {
        if (edit is null)
            throw InvalidArgument("edit", "missing");
        return Write(tx =>
        {
            var creature = tx.Find<Creature>(Id(edit.Id)) ?? throw InvalidArgument("edit.Id", "no such creature");
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
                changed = changed with { Name = edit.Name.Trim() };
            Placement.Put(tx, tx.Put, changed);
            // Its player and those who see it (where it was or where it is now) learn that it changed: the rest do not know it is there.
            tx.Notify(Visibility.Observers(tx, creature.Id, creature.Position, changed.Position).ToList(), new SystemEvent($"the game master edited {changed.Name}"));
            return GameMapper.ToInfo(changed, GameService.VersionOf(Game, changed));
        });
    }

    [Authorize(Access.Master)]
    public ResultInfo AllowPhysicalDice(string user, bool allowed) => ToResult(Write(tx => Game.Rules.AllowPhysicalDice(tx, Actor, user ?? "", allowed)));

    [Authorize(Access.Master)]
    public ResultInfo KickUser(string user)
    {
        var session = Game.Sessions.FindByUser(user ?? "") ?? throw InvalidArgument("user", $"'{user}' is not logged in");
        Game.EndSession(session, "kicked by the game master");
        return new ResultInfo { Accepted = true, Serial = Game.Serial };
    }

    [Authorize(Access.Master)]
    public ResultInfo DisableUser(string user, bool disabled)
    {
        Write(tx =>
        {
            var account = tx.Find<UserAccount>(UserAccount.KeyFor(user ?? "")) ?? throw InvalidArgument("user", $"no user '{user}'");
            if (account.IsMaster && disabled)
                throw InvalidArgument("user", "a game master cannot be disabled here");
            tx.Put(account with { Disabled = disabled });
            return 0;
        });
        if (disabled && Game.Sessions.FindByUser(user!) is { } session)
            Game.EndSession(session, "disabled by the game master");
        return new ResultInfo { Accepted = true, Serial = Game.Serial };
    }

    /// <summary>Writes every committed entity, as the store's JSON, to <c>snapshots/NAME.json</c> beside the data file.</summary>
    [Authorize(Access.Master)]
    public ResultInfo SaveSnapshot(string name)
    {
        if (name is null || !SnapshotName().IsMatch(name))
            throw InvalidArgument("name", "use 1 to 64 letters, digits, '-' or '_'");
        var folder = Path.Combine(Game.Options.SnapshotFolder, "snapshots");
        var (serial, entities) = Read(tx => (Game.Serial, tx.All<Entity>().Select(e => new { type = Game.Engine.Gate.Types.NameOf(e.GetType()), entity = Game.Engine.Gate.Types.Serialize(e) }).ToList()));
        var path = Path.Combine(folder, name + ".json");
        var partial = path + ".partial"; // a full disk must not leave half a snapshot under the name
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(partial, JsonSerializer.Serialize(new { serial, entities }));
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

    private static IReadOnlyCollection<EntityId> Ids(List<Guid>? ids) => (ids ?? []).Select(i => new EntityId(i)).ToList();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SnapshotName();
}
