using Ikosa.Engine.Notifications;

namespace Ikosa.Engine.Rules.Events;

/// <summary>To everyone in the game: combat started or ended, or the turn order changed.</summary>
public sealed record CombatChanged(bool InCombat, int Round) : Notification;
