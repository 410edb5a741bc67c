using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>Who is online changed: to the users online and the masters.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class PresenceChangedInfo : NotificationInfo
{
    [DataMember(Order = 0)] public string User { get; set; } = "";

    [DataMember(Order = 1)] public bool Online { get; set; }
}
