using System.Globalization;
using System.Runtime.Serialization;
using System.Text;

namespace Ikosa.Contracts;

/// <summary>Cells as "x,y,terrain;x,y,terrain": the compact wire form of a view's cell lists.</summary>
public static class CellListCodec
{
    private static readonly string[] KnownTerrains = ["floor", "wall", "door-closed", "door-open", "difficult"];

    public static string Encode(IReadOnlyList<CellInfo>? cells)
    {
        if (cells is null || cells.Count == 0)
            return "";
        var text = new StringBuilder(cells.Count * 12);
        foreach (var cell in cells)
        {
            if (cell.Terrain.Contains(',') || cell.Terrain.Contains(';'))
                throw new SerializationException($"A terrain name may not contain ',' or ';': '{cell.Terrain}'.");
            if (text.Length > 0)
                text.Append(';');
            text.Append(cell.X).Append(',').Append(cell.Y).Append(',').Append(cell.Terrain);
        }
        return text.ToString();
    }

    public static List<CellInfo> Decode(string? text)
    {
        var cells = new List<CellInfo>();
        if (string.IsNullOrEmpty(text))
            return cells;
        // A big map's view holds thousands of cells: they are read off the text in place, not split into strings first.
        var rest = text.AsSpan();
        while (true)
        {
            var end = rest.IndexOf(';');
            cells.Add(DecodeCell(end < 0 ? rest : rest[..end]));
            if (end < 0)
                return cells;
            rest = rest[(end + 1)..];
        }
    }

    private static CellInfo DecodeCell(ReadOnlySpan<char> item)
    {
        var first = item.IndexOf(',');
        var second = first < 0 ? -1 : item[(first + 1)..].IndexOf(',') + first + 1;
        if (first < 0 || second <= first || item[(second + 1)..].Contains(',')
            || !int.TryParse(item[..first], NumberStyles.Integer, CultureInfo.InvariantCulture, out var x)
            || !int.TryParse(item[(first + 1)..second], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y))
            throw new SerializationException($"'{item}' is not a cell (x,y,terrain).");
        return new CellInfo { X = x, Y = y, Terrain = TerrainName(item[(second + 1)..]) };
    }

    /// <summary>The terrain's name, the same string for every cell of a known terrain.</summary>
    private static string TerrainName(ReadOnlySpan<char> name)
    {
        foreach (var known in KnownTerrains)
            if (name.SequenceEqual(known))
                return known;
        return name.ToString();
    }
}
