using Ikosa.Engine.Model;

namespace Ikosa.Host.Users;

/// <summary>A user of the host, kept in the game model so it commits and persists with everything else.</summary>
public sealed record UserAccount(EntityId Id, string Name, bool IsMaster, string PasswordHash, bool Disabled) : Entity(Id)
{
    public const string TypeName = "host.user";

    public static EntityId KeyFor(string name) => EntityId.Named("user:" + name.ToLowerInvariant());
}
