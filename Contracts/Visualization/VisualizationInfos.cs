using System.Runtime.Serialization;

namespace Ikosa.Contracts;

/// <summary>
/// What one character perceives, computed on the host: the cells it sees now, the cells it remembers, and the creatures
/// it sees. Nothing else about the map or its occupants is sent.
/// </summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class ViewInfo
{
    [DataMember(Order = 0)] public Guid? Viewer { get; set; }

    [DataMember(Order = 1)] public int Width { get; set; }

    [DataMember(Order = 2)] public int Height { get; set; }

    [IgnoreDataMember] public List<CellInfo> Visible { get; set; } = new();

    [IgnoreDataMember] public List<CellInfo> Remembered { get; set; } = new();

    // A view carries a hundred cells or more: on the wire they travel packed, as bytes (CellListCodec), not as elements.
    [DataMember(Order = 3, Name = "Visible")]
    private byte[] VisibleCells
    {
        get => CellListCodec.Encode(Visible);
        set => Visible = CellListCodec.Decode(value);
    }

    [DataMember(Order = 4, Name = "Remembered")]
    private byte[] RememberedCells
    {
        get => CellListCodec.Encode(Remembered);
        set => Remembered = CellListCodec.Decode(value);
    }

    [DataMember(Order = 5)] public List<TokenInfo> Creatures { get; set; } = new();

    [DataMember(Order = 6)] public long Serial { get; set; }

    /// <summary>Names the cell lists of this view: a later view with the same lists has the same version (0: not named).</summary>
    [DataMember(Order = 7, EmitDefaultValue = false)] public long CellsVersion { get; set; }

    /// <summary>Set by the update operations when the cells were left out: they are those of the version the caller named.</summary>
    [DataMember(Order = 8, EmitDefaultValue = false)] public bool CellsUnchanged { get; set; }

    /// <summary>Names the creature list of a master's whole map: a later one with the same creatures has the same version (0: not named).</summary>
    [DataMember(Order = 9, EmitDefaultValue = false)] public long TokensVersion { get; set; }

    /// <summary>
    /// Set by <c>GetMasterViewUpdate</c> when <see cref="Creatures"/> holds only the creatures new or changed since the
    /// version the caller named, and <see cref="TokensGone"/> those no longer there.
    /// </summary>
    [DataMember(Order = 10, EmitDefaultValue = false)] public bool TokensChangedOnly { get; set; }

    [DataMember(Order = 11, EmitDefaultValue = false)] public List<Guid>? TokensGone { get; set; }
}

/// <summary>A map cell and what it is: "floor", "wall", "door-open", "door-closed".</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class CellInfo
{
    [DataMember(Order = 0)] public int X { get; set; }

    [DataMember(Order = 1)] public int Y { get; set; }

    [DataMember(Order = 2)] public string Terrain { get; set; } = "";
}

/// <summary>A creature as a viewer sees it on the map.</summary>
[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class TokenInfo
{
    [DataMember(Order = 0)] public Guid Id { get; set; }

    [DataMember(Order = 1)] public string Name { get; set; } = "";

    [DataMember(Order = 2)] public string Team { get; set; } = "";

    [DataMember(Order = 3)] public int X { get; set; }

    [DataMember(Order = 4)] public int Y { get; set; }

    [DataMember(Order = 5)] public string Icon { get; set; } = "";

    [DataMember(Order = 6)] public string State { get; set; } = "";
}

[DataContract(Namespace = IkosaNamespaces.Data)]
public sealed class ImageInfo
{
    [DataMember(Order = 0)] public string Name { get; set; } = "";

    [DataMember(Order = 1)] public string ContentType { get; set; } = "";

    [DataMember(Order = 2)] public byte[] Data { get; set; } = [];
}
