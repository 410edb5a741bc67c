using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Dice;

/// <summary>
/// The players a game master has allowed to enter the results of their own physical dice. Everyone
/// else's dice are rolled by the host (a client-supplied roll is never trusted by default).
/// </summary>
[EntityName("workflow.physical-dice-grants")]
public sealed record PhysicalDiceGrants(EntityId Id, ImmutableSortedSet<string> Users) : Entity(Id)
{
    public static readonly EntityId Key = EntityId.Named("workflow.physical-dice-grants");

    public static bool Allows(IModelReader reader, string user) =>
        reader.Find<PhysicalDiceGrants>(Key)?.Users.Contains(user.ToLowerInvariant()) ?? false;
}
