using System.Collections.Concurrent;
using Ikosa.Contracts;

namespace Ikosa.Client.Library;

/// <summary>
/// Reads views through the update operations: it keeps the last view of each creature (and of each scene's whole map,
/// for a master) and names its cells' version, so the host sends the cells only when they changed; after someone else
/// moved, a view is its creatures only. The views it returns are whole. One whose cells did not change has
/// <see cref="ViewInfo.CellsUnchanged"/> set and shares the cell lists of the view before (the same objects), so a screen
/// can skip redrawing the squares.
/// </summary>
public sealed class ViewReader(Func<IVisualizationService> service)
{
    private readonly ConcurrentDictionary<(Guid? Creature, Guid? Scene), ViewInfo> _last = new();

    /// <summary>What <paramref name="creature"/> perceives (a creature the user plays, or any for a master).</summary>
    public Task<ViewInfo> OfAsync(Guid creature) =>
        ReadAsync((creature, null), known => service().GetViewUpdateAsync(creature, known));

    /// <summary>The whole map of <paramref name="scene"/> (null: the scene on the map) and everyone in it: masters only.</summary>
    public Task<ViewInfo> WholeMapAsync(Guid? scene = null) =>
        ReadAsync((null, scene), known => service().GetMasterViewUpdateAsync(scene, known));

    private async Task<ViewInfo> ReadAsync((Guid?, Guid?) key, Func<long, Task<ViewInfo>> fetch)
    {
        _last.TryGetValue(key, out var last);
        var view = await fetch(last?.CellsVersion ?? 0).ConfigureAwait(false);
        if (view.CellsUnchanged)
        {
            // Another read of the same view may have replaced the one named in between: then ask for the cells too.
            if (last is null || last.CellsVersion != view.CellsVersion)
                view = await fetch(0).ConfigureAwait(false);
            else
                (view.Visible, view.Remembered) = (last.Visible, last.Remembered);
        }
        _last[key] = view;
        return view;
    }
}
