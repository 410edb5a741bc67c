using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;

namespace Ikosa.Engine.Workflow.Events;

/// <summary>A roll was made and logged (see <see cref="Dice.DiceRoll"/> for the whole entry).</summary>
public sealed record DiceRolled(EntityId Roll, EntityId? Creature, string Purpose, string Expression, int Total, bool Physical) : Notification;
