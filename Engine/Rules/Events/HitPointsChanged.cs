using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules.Creatures;

namespace Ikosa.Engine.Rules.Events;

/// <summary>To the creature's controller and the masters: its hit points and health now.</summary>
public sealed record HitPointsChanged(EntityId Creature, int HitPoints, int Delta, Health Health) : Notification;
