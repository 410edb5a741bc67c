using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;

namespace Ikosa.Engine.Rules.Events;

/// <summary>To both sides' controllers and the masters: how an attack went.</summary>
public sealed record AttackResolved(EntityId Attacker, EntityId Target, bool Hit, bool Critical, int Damage, bool Opportunity) : Notification;
