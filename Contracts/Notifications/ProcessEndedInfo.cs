using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To the controller of the creature that started it and the masters: a process left the stack.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class ProcessEndedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Process { get; set; }

    [DataMember(Order = 1)] public string Name { get; set; } = "";

    /// <summary>False: aborted, with a reason.</summary>
    [DataMember(Order = 2)] public bool Completed { get; set; }

    [DataMember(Order = 3)] public string? Reason { get; set; }
}
