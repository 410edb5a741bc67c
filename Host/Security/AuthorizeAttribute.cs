namespace Ikosa.Host.Security;

public enum Access
{
    /// <summary>No login needed (logging in, resuming, the serial).</summary>
    Anyone,

    /// <summary>Any logged-in user whose channel is bound.</summary>
    LoggedIn,

    /// <summary>Game masters only.</summary>
    Master,

    /// <summary>Masters, or the user who controls the creature named by <see cref="AuthorizeAttribute.Creature"/>.</summary>
    ControlsCreature,
}

/// <summary>Declares who may call a service operation; every operation of a service implementation must carry one.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AuthorizeAttribute(Access access) : Attribute
{
    public Access Access { get; } = access;

    /// <summary>For <see cref="Access.ControlsCreature"/>: the parameter holding the creature (a Guid, a Guid? or an ActivityInfo).</summary>
    public string? Creature { get; init; }
}
