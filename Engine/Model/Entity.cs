namespace Ikosa.Engine.Model;

/// <summary>
/// The base of every piece of game state (creatures, items, the map, workflow state, users).
/// Entities are immutable records: a change is a new version put into the model inside a write
/// transaction (<c>tx.Put(creature with { HitPoints = 3 })</c>), which is what lets a transaction undo
/// it and the store persist exactly what changed. Use immutable collections for nested state.
/// </summary>
public abstract record Entity(EntityId Id);
