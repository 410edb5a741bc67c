using Ikosa.Engine.Model;

namespace Ikosa.Host.Users;

/// <summary>A user of the host, kept in the game model so it commits and persists with everything else.</summary>
/// <remarks>An empty <see cref="PasswordHash"/> matches no password: a new player has only their one-time code.</remarks>
public sealed record UserAccount(EntityId Id, string Name, bool IsMaster, string PasswordHash, bool Disabled) : Entity(Id)
{
    public const string TypeName = "host.user";

    /// <summary>The one-time code the game master made for this user, hashed, until it is used or replaced.</summary>
    public PendingCode? Code { get; init; }

    public static EntityId KeyFor(string name) => EntityId.Named("user:" + name.ToLowerInvariant());
}

/// <summary>A one-time code's hash (as a password's: <see cref="Security.PasswordHasher"/>) and when it stops working.</summary>
public sealed record PendingCode(string Hash, DateTimeOffset Expires);
