using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Map;

/// <summary>
/// The index of which creatures stand in one <see cref="MapChunk"/>-sized block of a scene, so that "who is at this
/// square" and "who is near" read a few small entities instead of every creature. It changes only when a creature
/// enters or leaves the block; keep it right by putting creatures through <see cref="Placement"/>.
/// </summary>
[EntityName("rules.chunk-occupants")]
public sealed record ChunkOccupants(EntityId Id, ImmutableHashSet<EntityId> Creatures) : Entity(Id)
{
    public static EntityId KeyFor(EntityId scene, int chunkX, int chunkY) => BlockIds.For("occupants", scene, chunkX, chunkY);
}
