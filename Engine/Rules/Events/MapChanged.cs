using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Engine.Rules.Events;

/// <summary>A door opened or closed (to everyone in the game), or a master redrew the square (to those who see it): sight lines changed.</summary>
public sealed record MapChanged(Cell Cell) : Notification;
