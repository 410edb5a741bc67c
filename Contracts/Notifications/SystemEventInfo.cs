using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>Something a game master (or a player who must know) should hear: a player joined, left or dropped, a creature was edited, the host cannot save.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class SystemEventInfo : NotificationInfo
{
    [DataMember(Order = 0)] public string What { get; set; } = "";
}
