using System.Reflection;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Views;
using Ikosa.Engine.Transactions;
using Ikosa.Host.Campaigns;
using Ikosa.Host.Game;
using Ikosa.Host.Mapping;
using Ikosa.Host.Security;

namespace Ikosa.Host.Services;

/// <summary>
/// What a character perceives, computed on the host from the rules' line of sight; what it has seen before is kept as
/// model state (a read that finds new cells becomes a write, which the gate does by itself). Views and their cell lists
/// are kept in <see cref="ViewCache"/>, so that asking again after a commit that changed nothing of them costs little.
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

    [Authorize(Access.ControlsCreature, Creature = "creature")]
    public async Task<ViewInfo> GetViewUpdateAsync(Guid creature, long knownCells) =>
        WithoutKnownCells(await GetViewAsync(creature).ConfigureAwait(false), knownCells);

    private Task<ViewInfo> ComputeViewAsync(Guid creature) => ReadAsync(tx =>
    {
        var perception = Game.Rules.GetPerception(tx, Actor, Id(creature))
            ?? throw InvalidArgument("creature", "no such creature");
        var map = SceneMap.Of(tx, perception.Viewer.Scene);
        // What is seen for the first time is remembered: only then does this read become a write (the gate re-runs it as
        // one). While the host cannot save, the view is still shown; what was newly seen is recorded once it can.
        Func<bool>? record = Game.CanSave ? () => Exploration.Record(tx, tx.Put, perception.Viewer.Id, map.Id, perception.VisibleCells) : null;
        var cells = Game.Views.CellsOf(tx, map, perception, record);
        return GameMapper.ToView(map, creature, cells, perception.VisibleCreatures, tx.Serial);
    });

    [Authorize(Access.Master)]
    public Task<ViewInfo> GetMasterViewAsync() => ReadAsync(tx => MasterView(tx, null).View);

    [Authorize(Access.Master)]
    public Task<ViewInfo> GetMasterViewUpdateAsync(Guid? scene, long knownCells, long knownTokens) => ReadAsync(tx =>
    {
        var (whole, shown) = MasterView(tx, scene);
        var view = WithoutKnownCells(whole, knownCells);
        if (knownTokens != 0 && Game.Views.TokensSince(shown, knownTokens, view.Creatures) is { } changes)
            (view.Creatures, view.TokensGone, view.TokensChangedOnly) = (changes.Put, changes.Gone, true);
        return view;
    });

    /// <summary>A master's whole map of a scene (made afresh for each call: the update may change it), and the scene.</summary>
    private (ViewInfo View, EntityId Scene) MasterView(Transaction tx, Guid? scene)
    {
        var map = SceneMap.Of(tx, SceneNamed(tx, scene, "scene") ?? CampaignHeader.OpeningScene(tx));
        var view = GameMapper.ToView(map, null, Game.Views.WholeMapOf(map), Placement.InScene(tx, map.Id), tx.Serial);
        view.TokensVersion = Game.Views.NameTokens(map.Id, view.Creatures);
        return (view, map.Id);
    }

    /// <summary>The view without its cells when the caller has them already (it named their version).</summary>
    private static ViewInfo WithoutKnownCells(ViewInfo view, long knownCells) => knownCells == 0 || view.CellsVersion != knownCells
        ? view
        : new ViewInfo
        {
            Viewer = view.Viewer,
            Width = view.Width,
            Height = view.Height,
            Creatures = view.Creatures,
            Serial = view.Serial,
            CellsVersion = view.CellsVersion,
            CellsUnchanged = true,
            TokensVersion = view.TokensVersion,
        };

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
