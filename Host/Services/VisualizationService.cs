using System.Collections.Immutable;
using System.Reflection;
using Ikosa.Contracts;
using Ikosa.Host.Campaigns;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Host.Game;
using Ikosa.Host.Mapping;
using Ikosa.Host.Security;

namespace Ikosa.Host.Services;

/// <summary>
/// What a character perceives, computed on the host from the rules' line of sight; what it has seen before is kept as
/// model state (a read that finds new cells becomes a write, which the gate does by itself).
/// </summary>
public sealed class VisualizationService(GameHost game) : BoundService(game), IVisualizationService
{
    [Authorize(Access.Anyone)]
    public Task BindAsync(string ticket) => BindChannelAsync<IVisualizationCallback>(ticket, (callback, reason) => callback.OnSessionEndedAsync(reason));

    [Authorize(Access.ControlsCreature, Creature = "creature")]
    public async Task<ViewInfo> GetViewAsync(Guid creature)
    {
        if (Game.Views.Find(creature, Game.Serial) is { } current)
            return current;
        var view = await ComputeViewAsync(creature).ConfigureAwait(false);
        Game.Views.Store(creature, view);
        return view;
    }

    private Task<ViewInfo> ComputeViewAsync(Guid creature) => ReadAsync(tx =>
    {
        var perception = Game.Rules.GetPerception(tx, Actor, Id(creature))
            ?? throw InvalidArgument("creature", "no such creature");
        var map = SceneMap.Of(tx, perception.Viewer.Scene);
        var explored = tx.Find<ExploredCells>(ExploredCells.KeyFor(Id(creature), map.Id));
        var known = explored?.Cells ?? ImmutableHashSet<Cell>.Empty;
        if (!perception.VisibleCells.All(known.Contains))
        {
            known = known.Union(perception.VisibleCells);
            // While the host cannot save, the view is still shown; what was newly seen is recorded once it can.
            if (Game.CanSave)
                tx.Put(new ExploredCells(ExploredCells.KeyFor(Id(creature), map.Id), known));
        }
        var visible = perception.VisibleCells.ToHashSet();
        return GameMapper.ToView(map, creature, perception.VisibleCells, known.Where(c => !visible.Contains(c)).OrderBy(c => c.Y).ThenBy(c => c.X),
            perception.VisibleCreatures, tx.Serial);
    });

    [Authorize(Access.Master)]
    public Task<ViewInfo> GetMasterViewAsync() => ReadAsync(tx =>
    {
        var map = SceneMap.Of(tx, CampaignHeader.OpeningScene(tx));
        var all = Enumerable.Range(0, map.Height).SelectMany(y => Enumerable.Range(0, map.Width).Select(x => new Cell(x, y)));
        return GameMapper.ToView(map, null, all, [], Placement.InScene(tx, map.Id), Game.Serial);
    });

    [Authorize(Access.LoggedIn)]
    public async Task<ImageInfo> GetImageAsync(string name)
    {
        var resource = $"Ikosa.Host.Images.{name}";
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw InvalidArgument("name", $"no image '{name}'");
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes).ConfigureAwait(false);
        return new ImageInfo { Name = name, ContentType = name.EndsWith(".svg", StringComparison.Ordinal) ? "image/svg+xml" : "application/octet-stream", Data = bytes.ToArray() };
    }
}
