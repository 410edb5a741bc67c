using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Users;

/// <summary>
/// Which users may play a creature and which one currently does. A creature nobody controls is run
/// by the game master: its prompts go to the masters.
/// </summary>
[EntityName("workflow.creature-control")]
public sealed record CreatureControl(EntityId Id, EntityId Creature, ImmutableSortedSet<string> AllowedUsers, string? Controller) : Entity(Id)
{
    public static EntityId KeyFor(EntityId creature) => EntityId.Named("control:" + creature);

    public static CreatureControl? Of(IModelReader reader, EntityId creature) => reader.Find<CreatureControl>(KeyFor(creature));

    public bool Allows(string user) => AllowedUsers.Contains(user, StringComparer.OrdinalIgnoreCase);
}
