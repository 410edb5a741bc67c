using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Events;

/// <summary>To users whose creatures can see the mover, and the masters: where it went.</summary>
public sealed record CreatureMoved(EntityId Creature, Cell From, Cell To) : Notification;
