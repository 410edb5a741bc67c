using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;

namespace Ikosa.Engine.Rules.Events;

/// <summary>To everyone in the game: whose turn it is now.</summary>
public sealed record TurnStarted(EntityId Creature, int Round) : Notification;
