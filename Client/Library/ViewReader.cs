using System.Collections.Concurrent;
using Ikosa.Contracts;

namespace Ikosa.Client.Library;

/// <summary>
/// Reads views through the update operations: it keeps the last view of each creature (and of each scene's whole map,
/// for a master) and names its versions, so the host sends the cells only when they changed and, for a master's whole
/// map, only the creatures that changed; after someone else moved, a view is its creatures (or the one that moved). The
/// views it returns are whole. One whose cells did not change has <see cref="ViewInfo.CellsUnchanged"/> set and shares
/// the cell lists of the view before (the same objects), so a screen can skip redrawing the squares.
/// </summary>
public sealed class ViewReader(Func<IVisualizationService> service)
{
    private readonly ConcurrentDictionary<(Guid? Creature, Guid? Scene), ViewInfo> _last = new();

    /// <summary>What <paramref name="creature"/> perceives (a creature the user plays, or any for a master).</summary>
    public Task<ViewInfo> OfAsync(Guid creature) =>
        ReadAsync((creature, null), last => service().GetViewUpdateAsync(creature, last?.CellsVersion ?? 0));

    /// <summary>The whole map of <paramref name="scene"/> (null: the scene on the map) and everyone in it: masters only.</summary>
    public Task<ViewInfo> WholeMapAsync(Guid? scene = null) =>
        ReadAsync((null, scene), last => service().GetMasterViewUpdateAsync(scene, last?.CellsVersion ?? 0, last?.TokensVersion ?? 0));

    private async Task<ViewInfo> ReadAsync((Guid?, Guid?) key, Func<ViewInfo?, Task<ViewInfo>> fetch)
    {
        // What the host leaves out is what this view had: the answer is completed from it, whatever was read meanwhile.
        _last.TryGetValue(key, out var last);
        var view = await fetch(last).ConfigureAwait(false);
        if ((view.CellsUnchanged || view.TokensChangedOnly) && last is null)
            view = await fetch(null).ConfigureAwait(false);
        if (view.CellsUnchanged)
            (view.Visible, view.Remembered) = (last!.Visible, last.Remembered);
        if (view.TokensChangedOnly)
        {
            view.Creatures = Merged(last!.Creatures, view.Creatures, view.TokensGone ?? []);
            (view.TokensChangedOnly, view.TokensGone) = (false, null);
        }
        _last[key] = view;
        return view;
    }

    /// <summary>The creatures before, in their order, with the changed ones replaced, new ones added and gone ones left out.</summary>
    private static List<TokenInfo> Merged(List<TokenInfo> before, List<TokenInfo> changed, List<Guid> gone)
    {
        var put = changed.ToDictionary(t => t.Id);
        var left = gone.ToHashSet();
        var merged = new List<TokenInfo>(before.Count + changed.Count);
        foreach (var token in before)
        {
            if (left.Contains(token.Id))
                continue;
            merged.Add(put.Remove(token.Id, out var now) ? now : token);
        }
        merged.AddRange(changed.Where(t => put.ContainsKey(t.Id)));
        return merged;
    }
}
