using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>A prompt was answered (by a user, a master, a timeout or the host): close it.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class PromptAnsweredInfo : NotificationInfo
{
    [DataMember(Order = 0)] public Guid Step { get; set; }

    [DataMember(Order = 1)] public Guid Prerequisite { get; set; }

    [DataMember(Order = 2)] public string AnsweredBy { get; set; } = "";
}
