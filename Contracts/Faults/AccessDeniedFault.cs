using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>The caller may not do this: not logged in, not a master, or not in control of the creature named.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class AccessDeniedFault
{
    [DataMember(Order = 0)] public string Operation { get; set; } = "";

    [DataMember(Order = 1)] public string Reason { get; set; } = "";
}

/// <summary>An argument was refused (unknown id, out of range, malformed); nothing was changed.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class InvalidArgumentFault
{
    [DataMember(Order = 0)] public string Argument { get; set; } = "";

    [DataMember(Order = 1)] public string Reason { get; set; } = "";
}

/// <summary>The game is not in a state that allows this now (server busy, changed since read, not your turn).</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class InvalidStateFault
{
    [DataMember(Order = 0)] public string Reason { get; set; } = "";
}
