using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>
/// The host cannot save the game right now (its disk is full, its game file became read-only...), so it refused a
/// change; nothing was changed and the game can still be looked at. The game master has been told; try again later.
/// </summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class HostCannotSaveFault
{
    /// <summary>What happened and what to do, to show as it is.</summary>
    [DataMember(Order = 0)] public string Reason { get; set; } = "";

    /// <summary>The cause, for a client that reacts to it: DiskFull, ReadOnly, Locked, DiskError, Moved or Changed.</summary>
    [DataMember(Order = 1)] public string Cause { get; set; } = "";
}
