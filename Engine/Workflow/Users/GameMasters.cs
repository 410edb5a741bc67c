using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Workflow.Users;

/// <summary>The user names of the game masters, who receive every prompt and system notice.</summary>
[EntityName("workflow.game-masters")]
public sealed record GameMasters(EntityId Id, ImmutableSortedSet<string> Users) : Entity(Id)
{
    public static readonly EntityId Key = EntityId.Named("workflow.game-masters");

    public static IReadOnlyCollection<string> Of(IModelReader reader) =>
        (IReadOnlyCollection<string>?)reader.Find<GameMasters>(Key)?.Users ?? [];
}
