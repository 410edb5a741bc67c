using Ikosa.Engine.Model;

namespace Ikosa.Engine.Store;

/// <summary>The model as last committed: its serial and every entity.</summary>
public sealed record StoredState(long Serial, IReadOnlyList<Entity> Entities)
{
    public static readonly StoredState Empty = new(0, Array.Empty<Entity>());
}
