namespace Ikosa.Engine.Model;

/// <summary>
/// The one game model: every entity by id, indexed by type, and the serial of the last commit.
/// It has no public way to change it; only a write transaction inside the gate does, through
/// <see cref="Set"/>, so that every change is tracked and undoable.
/// </summary>
public sealed class GameModel
{
    private readonly Dictionary<EntityId, Entity> _entities = new();
    private readonly Dictionary<Type, Dictionary<EntityId, Entity>> _byType = new();

    public GameModel(EntityTypeRegistry types) => Types = types;

    public EntityTypeRegistry Types { get; }

    /// <summary>The serial of the last committed write transaction (0 for a new game).</summary>
    public long Serial { get; internal set; }

    public int Count => _entities.Count;

    internal Entity? Find(EntityId id) => _entities.GetValueOrDefault(id);

    internal IEnumerable<T> All<T>() where T : Entity
    {
        foreach (var (type, entities) in _byType)
        {
            if (!typeof(T).IsAssignableFrom(type)) continue;
            foreach (var entity in entities.Values) yield return (T)entity;
        }
    }

    /// <summary>Puts <paramref name="entity"/> under <paramref name="id"/>, or removes the id when null.</summary>
    internal void Set(EntityId id, Entity? entity)
    {
        if (_entities.Remove(id, out var old))
            _byType[old.GetType()].Remove(id);
        if (entity is null) return;
        _entities[id] = entity;
        if (!_byType.TryGetValue(entity.GetType(), out var ofType))
            _byType[entity.GetType()] = ofType = new Dictionary<EntityId, Entity>();
        ofType[id] = entity;
    }

    /// <summary>Replaces the whole state, for loading a store; only before the gate is in use.</summary>
    internal void Reset(long serial, IEnumerable<Entity> entities)
    {
        _entities.Clear();
        _byType.Clear();
        foreach (var entity in entities) Set(entity.Id, entity);
        Serial = serial;
    }
}
