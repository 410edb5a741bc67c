namespace Ikosa.Engine.Notifications;

public enum ResumeKind
{
    /// <summary>No last serial was given: the client should fetch the state it needs.</summary>
    Fresh,

    /// <summary>Every batch after the client's last serial is queued to it, ahead of new ones.</summary>
    Resumed,

    /// <summary>The client's last serial is too old (or unknown): it must refetch the state it shows.</summary>
    RefetchRequired,
}

/// <summary>The outcome of connecting a recipient; <see cref="Serial"/> is the last commit the engine has released.</summary>
public sealed record ResumeResult(ResumeKind Kind, int MissedBatches, long Serial);
