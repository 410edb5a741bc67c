namespace Ikosa.Engine.Model;

/// <summary>Thrown when a transaction asks for an entity that does not exist (or is of another type).</summary>
public sealed class EntityNotFoundException(EntityId id, Type expected)
    : Exception($"no {expected.Name} with id {id} exists in the model")
{
    public EntityId Id { get; } = id;
}
