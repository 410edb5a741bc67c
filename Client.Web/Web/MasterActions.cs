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

    /// <summary>Changes a creature: hit points, name, or where it stands (the master's silent move).</summary>
    public async Task<PageResult> EditAsync(EditRequest request)
    {
        var current = await feed.Session.Client.Game.GetCreatureAsync(request.Creature).ConfigureAwait(false);
        var changed = await Master.EditCreatureAsync(new CreatureEditInfo
        {
            Id = request.Creature, ExpectedVersion = current.Version, HitPoints = request.HitPoints, X = request.X, Y = request.Y,
            Name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim(),
        }).ConfigureAwait(false);
        feed.Session.Names.Learn(changed.Id, changed.Name);
        return new PageResult(true, $"{changed.Name}: {changed.HitPoints}/{changed.MaxHitPoints} hp at ({changed.X},{changed.Y})");
    }

    public async Task<PageResult> AllowDiceAsync(UserRequest request) =>
        Done(await Master.AllowPhysicalDiceAsync(request.User, request.On).ConfigureAwait(false), $"physical dice {(request.On ? "allowed" : "withdrawn")} for {request.User}");

    public async Task<PageResult> KickAsync(UserRequest request) => Done(await Master.KickUserAsync(request.User).ConfigureAwait(false), $"{request.User} was sent away");

    public async Task<PageResult> DisableAsync(UserRequest request) =>
        Done(await Master.DisableUserAsync(request.User, request.On).ConfigureAwait(false), $"{request.User} is {(request.On ? "disabled" : "enabled")}");

    public async Task<PageResult> SnapshotAsync(NameRequest request) => Done(await Master.SaveSnapshotAsync(request.Name).ConfigureAwait(false), $"snapshot '{request.Name}' saved");

    private static PageResult Done(ResultInfo result, string what) => result.Accepted ? new PageResult(true, what) : new PageResult(false, result.Error ?? "refused");
}
