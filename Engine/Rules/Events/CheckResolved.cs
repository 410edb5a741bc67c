using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;

namespace Ikosa.Engine.Rules.Events;

/// <summary>
/// The outcome of a check a master asked for: to the masters, and to the creature's controller only when the difficulty
/// was not secret (a secret one never leaves the host for a player).
/// </summary>
public sealed record CheckResolved(EntityId Creature, string Check, int Total, int Difficulty, bool Succeeded, bool Secret) : Notification;
