using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Events;

/// <summary>To the masters, its controller and users whose creatures see the square: a creature is there now (placed, or brought from another scene).</summary>
public sealed record CreatureAppeared(EntityId Creature, Cell At) : Notification;
