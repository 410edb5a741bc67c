using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>A prompt waits for the recipient (the fulfiller's controller, and the masters): fetch and answer it with GetPrerequisites / SetPrerequisites.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class PromptWaitingInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Step { get; set; }

    [DataMember(Order = 1)] public Guid Prerequisite { get; set; }

    /// <summary>The creature that must answer; none: the game master.</summary>
    [DataMember(Order = 2)] public Guid? Fulfiller { get; set; }

    /// <summary>Roll, SavingThrow, Choice, SelectTargets, YesNo, Number or ActNow.</summary>
    [DataMember(Order = 3)] public string PromptKind { get; set; } = "";

    [DataMember(Order = 4)] public string Text { get; set; } = "";

    /// <summary>When a default answer is taken, if ever.</summary>
    [DataMember(Order = 5)] public DateTimeOffset? Deadline { get; set; }
}
