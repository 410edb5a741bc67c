using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Rules.Shove;

/// <summary>To both creatures' players and the masters: how a shove went, and where the target stands now.</summary>
public sealed record Shoved(EntityId Shover, EntityId Target, bool Moved, Cell At) : Notification;
