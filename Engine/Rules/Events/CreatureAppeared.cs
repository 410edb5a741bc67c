using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Events;

/// <summary>
/// To the masters, its controller and users whose creatures see the square: a creature is there now (placed, or brought
/// from another scene). Its name travels with it: who sees it appear has not met it yet.
/// </summary>
public sealed record CreatureAppeared(EntityId Creature, string Name, Cell At) : Notification;
