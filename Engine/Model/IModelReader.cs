namespace Ikosa.Engine.Model;

/// <summary>What a transaction may read: a consistent view of the model as of <see cref="Serial"/>.</summary>
public interface IModelReader
{
    /// <summary>The commit serial of the state being read (the last commit before this transaction).</summary>
    long Serial { get; }

    /// <summary>The entity with this id if it exists and is a <typeparamref name="T"/>; otherwise null.</summary>
    T? Find<T>(EntityId id) where T : Entity;

    /// <summary>The entity with this id.</summary>
    /// <exception cref="EntityNotFoundException">there is none, or it is not a <typeparamref name="T"/></exception>
    T Get<T>(EntityId id) where T : Entity;

    bool Exists(EntityId id);

    /// <summary>Every entity that is a <typeparamref name="T"/>, in no particular order.</summary>
    IEnumerable<T> All<T>() where T : Entity;
}
