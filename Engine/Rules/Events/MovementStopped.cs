using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Events;

/// <summary>To the mover's controller: the move ended early (a wall, a closed door, someone in the way).</summary>
public sealed record MovementStopped(EntityId Creature, Cell At, string Reason) : Notification;
