using System.Collections.Concurrent;
using Ikosa.Engine.Model;

namespace Ikosa.Engine.Rules.Map;

/// <summary>
/// The ids of the small entities kept per <see cref="MapChunk"/>-sized block of a scene (its terrain, who stands in it,
/// what a creature has seen of it), named from the block's scene and coordinates. Making an id hashes its name, and a
/// view or a move asks for dozens, so the ids made are remembered (a few thousand blocks at most in any game).
/// </summary>
internal static class BlockIds
{
    private const int Capacity = 1 << 16;

    private static readonly ConcurrentDictionary<(string Kind, EntityId Owner, EntityId Scene, int X, int Y), EntityId> Made = new();

    /// <summary>The id named <c>KIND:SCENE:X,Y</c>, or <c>KIND:OWNER:SCENE:X,Y</c> for a block kept per owner.</summary>
    public static EntityId For(string kind, EntityId scene, int x, int y, EntityId owner = default)
    {
        var key = (kind, owner, scene, x, y);
        if (Made.TryGetValue(key, out var id)) return id;
        id = EntityId.Named(owner == default ? $"{kind}:{scene}:{x},{y}" : $"{kind}:{owner}:{scene}:{x},{y}");
        if (Made.Count >= Capacity) Made.Clear();
        Made[key] = id;
        return id;
    }
}
