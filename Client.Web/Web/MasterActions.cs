using Ikosa.Client.App.Commands;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Web;

/// <summary>
/// The game master's tools on the page, one per operation of the master contract, each a button or a small form there
/// (Page/table.js lists them in masterTools). A new master operation is one method here, one route and one entry there.
/// </summary>
public sealed class MasterActions(TableFeed feed)
{
    private IMasterService Master => feed.Session.Client.Master ?? throw new InvalidOperationException("this is not a game master's session");

    public async Task<PageResult> StartCombatAsync(CreaturesRequest request) => Done(await Master.StartCombatAsync(request.Creatures).ConfigureAwait(false), "combat started");

    public async Task<PageResult> StopCombatAsync() => Done(await Master.StopCombatAsync().ConfigureAwait(false), "combat stopped");

    public async Task<PageResult> AddCombatantsAsync(CreaturesRequest request) => Done(await Master.AddCombatantsAsync(request.Creatures).ConfigureAwait(false), "added to the fight");

    public async Task<PageResult> DropCombatantsAsync(CreaturesRequest request) => Done(await Master.DropCombatantsAsync(request.Creatures).ConfigureAwait(false), "taken out of the fight");

    public async Task<PageResult> PauseAsync(UserRequest request) => Done(await Master.SetPausedAsync(request.On).ConfigureAwait(false), request.On ? "paused" : "resumed");

    /// <summary>Changes a creature's hit points or name (moves are <see cref="MoveAsync"/>).</summary>
    public async Task<PageResult> EditAsync(EditRequest request)
    {
        var current = await feed.Session.Client.Game.GetCreatureAsync(request.Creature).ConfigureAwait(false);
        var changed = await Master.EditCreatureAsync(new CreatureEditInfo
        {
            Id = request.Creature, ExpectedVersion = current.Version, HitPoints = request.HitPoints,
            Name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim(),
        }).ConfigureAwait(false);
        feed.Session.Names.Learn(changed.Id, changed.Name);
        return new PageResult(true, $"{changed.Name}: {changed.HitPoints}/{changed.MaxHitPoints} hp");
    }

    public async Task<IReadOnlyList<PageScene>> ScenesAsync() =>
        (await Master.GetScenesAsync().ConfigureAwait(false)).Select(s => new PageScene(s.Id, s.Name, s.Width, s.Height, s.Opening)).ToList();

    /// <summary>The monsters of the bestiary, which the place tool offers by name.</summary>
    public async Task<IReadOnlyList<PageMonster>> BestiaryAsync() =>
        (await Master.GetBestiaryAsync().ConfigureAwait(false)).Select(m => new PageMonster(m.Name, m.Size, m.Level, m.HitPoints, m.FromCampaign)).ToList();

    /// <summary>Shows the whole map of another scene of the campaign (null: the scene on the map), instead of a creature's view.</summary>
    public async Task<PageResult> ShowSceneAsync(SceneRequest request)
    {
        var scenes = await Master.GetScenesAsync().ConfigureAwait(false);
        if (request.Scene is { } id && scenes.All(s => s.Id != id))
            return new PageResult(false, "there is no such scene: reload the page for the campaign's scenes");
        var shown = request.Scene is { } wanted ? scenes.First(s => s.Id == wanted) : scenes.First(s => s.Opening);
        feed.Session.ShowScene(shown);
        return new PageResult(true, $"the map shows {shown.Name}");
    }

    /// <summary>Puts a creature from the bestiary on a square; who sees the square sees it appear.</summary>
    public async Task<PageResult> PlaceAsync(PlaceRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Monster))
            return new PageResult(false, "which creature of the bestiary? (its exact name, e.g. Goblin)");
        var placed = await Master.PlaceCreatureAsync(new PlacementInfo
        {
            Monster = request.Monster.Trim(), Scene = request.Scene, X = request.X, Y = request.Y,
            Name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim(),
        }).ConfigureAwait(false);
        feed.Session.Names.Learn(placed.Id, placed.Name);
        return new PageResult(true, $"{placed.Name} placed at ({placed.X},{placed.Y})");
    }

    public async Task<PageResult> RemoveAsync(CreatureRequest request) =>
        Done(await Master.RemoveCreatureAsync(request.Creature).ConfigureAwait(false), $"{feed.Session.Names.NameOf(request.Creature)} removed");

    /// <summary>The master's silent move: who sees the creature sees it move; to another scene, it disappears from one and appears in the other.</summary>
    public async Task<PageResult> MoveAsync(MoveRequest request) =>
        Done(await Master.MoveCreatureAsync(request.Creature, request.Scene, request.X, request.Y).ConfigureAwait(false),
            $"{feed.Session.Names.NameOf(request.Creature)} moved to ({request.X},{request.Y})");

    public async Task<PageResult> TerrainAsync(TerrainRequest request)
    {
        var terrain = PlayToolCommands.TerrainOf(request.Terrain);
        if (terrain is null)
            return new PageResult(false, $"'{request.Terrain}' is not a terrain: wall, floor, door, open-door or difficult");
        if (request.Cells is not { Count: > 0 })
            return new PageResult(false, "click the squares to redraw first");
        var cells = request.Cells.Select(c => new CellEditInfo { X = c.X, Y = c.Y, Terrain = terrain.Value }).ToList();
        return Done(await Master.EditMapAsync(request.Scene, cells).ConfigureAwait(false), $"{cells.Count} square(s) now {request.Terrain}");
    }

    /// <summary>Lets a user play a character, or takes it from them (who plays it now stops at once).</summary>
    public async Task<PageResult> PlayersAsync(PlayersRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.User))
            return new PageResult(false, "which user?");
        var user = request.User.Trim();
        var players = (await feed.Session.Client.Game.GetCreatureAsync(request.Creature).ConfigureAwait(false)).Sheet?.Players ?? [];
        var changed = PlayToolCommands.PlayersAfter(players, user, request.Give);
        return Done(await Master.SetPlayersAsync(request.Creature, changed).ConfigureAwait(false),
            $"{feed.Session.Names.NameOf(request.Creature)}: played by {(changed.Count == 0 ? "the game master only" : string.Join(", ", changed))}");
    }

    /// <summary>Asks whoever plays a creature for a check; with <see cref="CheckRequest.Secret"/> they are not told the difficulty.</summary>
    public async Task<PageResult> CheckAsync(CheckRequest request)
    {
        CheckType? type = request.Type switch
        {
            "ability" => CheckType.Ability,
            "skill" => CheckType.Skill,
            "save" => CheckType.Save,
            _ => null,
        };
        if (type is null || string.IsNullOrWhiteSpace(request.Name))
            return new PageResult(false, "a check is an ability, a skill or a save, and names which one (dex, Listen, reflex)");
        var check = new CheckRequestInfo { Creature = request.Creature, Type = type.Value, Name = request.Name.Trim(), Difficulty = request.Difficulty, Secret = request.Secret };
        return Done(await Master.RequestCheckAsync(check).ConfigureAwait(false),
            $"asked {feed.Session.Names.NameOf(request.Creature)} for {check.Name} against DC {check.Difficulty}{(check.Secret ? " (secret)" : "")}");
    }

    public async Task<PageResult> RollAsync(RollRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Expression))
            return new PageResult(false, "which dice? (e.g. 2d6+3)");
        var purpose = string.IsNullOrWhiteSpace(request.Purpose) ? null : request.Purpose.Trim();
        var roll = await Master.RollDiceAsync(request.Expression.Trim(), purpose, request.MastersOnly).ConfigureAwait(false);
        return new PageResult(true, $"{roll.Purpose}: {roll.Expression} = {roll.Total}{(request.MastersOnly ? " (masters only)" : "")}");
    }

    /// <summary>A new player user; the one-time code is shown once, for the master to hand over with the invite.</summary>
    public async Task<PageResult> CreatePlayerAsync(UserRequest request) => Code(await Master.CreatePlayerAsync(request.User).ConfigureAwait(false), "is a new player");

    public async Task<PageResult> ResetPasswordAsync(UserRequest request) => Code(await Master.ResetPasswordAsync(request.User).ConfigureAwait(false), "has a new one-time code");

    public async Task<PageResult> InviteAsync(UserRequest request)
    {
        var invite = await Master.GetInviteAsync(request.User).ConfigureAwait(false);
        return new PageResult(true, $"invite for {invite.UserName}: {invite.Link}");
    }

    private static PageResult Code(OneTimeCodeInfo code, string what) =>
        new(true, $"{code.UserName} {what}: one-time code {code.Code} (works once, until {code.Expires:yyyy-MM-dd HH:mm} UTC)");

    public async Task<PageResult> AllowDiceAsync(UserRequest request) =>
        Done(await Master.AllowPhysicalDiceAsync(request.User, request.On).ConfigureAwait(false), $"physical dice {(request.On ? "allowed" : "withdrawn")} for {request.User}");

    public async Task<PageResult> KickAsync(UserRequest request) => Done(await Master.KickUserAsync(request.User).ConfigureAwait(false), $"{request.User} was sent away");

    public async Task<PageResult> DisableAsync(UserRequest request) =>
        Done(await Master.DisableUserAsync(request.User, request.On).ConfigureAwait(false), $"{request.User} is {(request.On ? "disabled" : "enabled")}");

    public async Task<PageResult> SnapshotAsync(NameRequest request) => Done(await Master.SaveSnapshotAsync(request.Name).ConfigureAwait(false), $"snapshot '{request.Name}' saved");

    private static PageResult Done(ResultInfo result, string what) => result.Accepted ? new PageResult(true, what) : new PageResult(false, result.Error ?? "refused");
}
