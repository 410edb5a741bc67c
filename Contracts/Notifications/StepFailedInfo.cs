using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>To the masters: a rule step threw; everything it did was undone and its process aborted.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class StepFailedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Step { get; set; }

    [DataMember(Order = 1)] public string StepName { get; set; } = "";

    [DataMember(Order = 2)] public Guid Process { get; set; }

    [DataMember(Order = 3)] public string Error { get; set; } = "";
}
