using System.Collections.Concurrent;
using Ikosa.Contracts;

namespace Ikosa.Host.Game;

/// <summary>
/// The last view computed for each creature, with the commit serial it was computed at. A view depends only on the
/// model, so while no commit has happened since, the same view is still true and is served without entering the gate.
/// </summary>
public sealed class ViewCache
{
    private readonly ConcurrentDictionary<Guid, ViewInfo> _views = new();

    public ViewInfo? Find(Guid creature, long currentSerial) =>
        _views.TryGetValue(creature, out var view) && view.Serial == currentSerial ? view : null;

    public void Store(Guid creature, ViewInfo view) => _views[creature] = view;
}
