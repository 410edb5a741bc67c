using Ikosa.Engine.Model;

namespace Ikosa.Engine.Transactions;

/// <summary>One entity a commit changed: its new version, or null when the commit removed it.</summary>
public readonly record struct EntityChange(EntityId Id, Entity? After);
