using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Events;

/// <summary>To the masters, its controller and users whose creatures saw it: a creature is gone from there (removed, or taken to another scene).</summary>
public sealed record CreatureDisappeared(EntityId Creature, Cell At) : Notification;
