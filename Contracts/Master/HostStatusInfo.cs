using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>The host's own state, for the game master: where the game is saved, the space left there, and whether saving works.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class HostStatusInfo
{
    /// <summary>The game file, or null when the game is kept in memory only.</summary>
    [DataMember(Order = 0)] public string? DataFile { get; set; }

    /// <summary>Free bytes on the game file's disk, or null if unknown (in memory, or the disk is gone).</summary>
    [DataMember(Order = 1)] public long? FreeBytes { get; set; }

    /// <summary>True when the free space is below the host's warning threshold.</summary>
    [DataMember(Order = 2)] public bool LowOnSpace { get; set; }

    [DataMember(Order = 3)] public bool CanSave { get; set; }

    /// <summary>Why the host cannot save and what to do, or null while it can.</summary>
    [DataMember(Order = 4)] public string? Problem { get; set; }

    /// <summary>When saving stopped (UTC), or null.</summary>
    [DataMember(Order = 5)] public DateTime? CannotSaveSince { get; set; }

    /// <summary>Changes refused since saving stopped.</summary>
    [DataMember(Order = 6)] public long RefusedWrites { get; set; }

    /// <summary>The serial of the last commit.</summary>
    [DataMember(Order = 7)] public long Serial { get; set; }
}
