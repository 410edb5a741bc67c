namespace Ikosa.Engine.Store;

/// <summary>Why the store cannot save.</summary>
public enum StoreProblemKind
{
    /// <summary>The disk holding the game file is full.</summary>
    DiskFull,

    /// <summary>The game file or its disk has become read-only.</summary>
    ReadOnly,

    /// <summary>Another program holds a lock on the game file.</summary>
    Locked,

    /// <summary>The disk reports I/O errors (a failing or disconnected drive).</summary>
    DiskError,

    /// <summary>The game file is no longer at its path: moved, removed, or replaced by another file.</summary>
    Moved,

    /// <summary>The file no longer holds what this host wrote (changed by another program, or damaged): the host will not write over it.</summary>
    Changed,
}

/// <summary>
/// What stops the store from saving, said for the people who must act on it: <see cref="Summary"/> for players (no
/// path), <see cref="Explain"/> and <see cref="Advice"/> for the game master and the log.
/// </summary>
/// <param name="Detail">what SQLite or the file system said, for the log</param>
/// <param name="FreeBytes">the free space on the file's disk when the problem was found, if it could be read</param>
public sealed record StoreProblem(StoreProblemKind Kind, string Path, string Detail, long? FreeBytes)
{
    /// <summary>What happened, after "the host cannot save: ".</summary>
    public string Summary => Kind switch
    {
        StoreProblemKind.DiskFull => "its disk is full",
        StoreProblemKind.ReadOnly => "its game file has become read-only",
        StoreProblemKind.Locked => "another program is holding its game file",
        StoreProblemKind.DiskError => "its disk reports errors",
        StoreProblemKind.Moved => "its game file was moved or removed",
        _ => "its game file was changed by another program",
    };

    /// <summary>What happened, where, and the free space.</summary>
    public string Explain() => Kind switch
    {
        StoreProblemKind.DiskFull => $"the disk holding {Path} is full ({DiskSpace.Describe(FreeBytes)} free)",
        StoreProblemKind.ReadOnly => $"{Path} cannot be written: the file or its disk is read-only ({Detail})",
        StoreProblemKind.Locked => $"{Path} is locked by another program, perhaps another host ({Detail})",
        StoreProblemKind.DiskError => $"the disk holding {Path} reports errors ({Detail}; {DiskSpace.Describe(FreeBytes)} free)",
        StoreProblemKind.Moved => $"{Path} is no longer the file this host opened: it was moved, removed or replaced ({Detail})",
        _ => $"{Path} no longer holds what this host wrote: another program changed it, or it is damaged ({Detail})",
    };

    /// <summary>What the person running the host should do about it.</summary>
    public string Advice => Kind switch
    {
        StoreProblemKind.DiskFull => "Free some space on that disk.",
        StoreProblemKind.ReadOnly => "Make the file and its folder writable again (or remount the disk read-write).",
        StoreProblemKind.Locked => "Close the other program that has the file open.",
        StoreProblemKind.DiskError => "Check the drive, and reconnect it if it was unplugged.",
        StoreProblemKind.Moved => "Put the file back where it was, or clear that path so the host can write the game there again.",
        _ => "The host will not write over it: restart the host to load the file as it is now.",
    };

    /// <summary>Whether the problem can go away while the host runs (all but <see cref="StoreProblemKind.Changed"/>).</summary>
    public bool MayClear => Kind != StoreProblemKind.Changed;
}
