using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Events;

/// <summary>To everyone in the game: a door opened or closed, so sight lines changed.</summary>
public sealed record MapChanged(Cell Cell) : Notification;
